import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes } from './column-types.js';

/** Templates carry a description for the template picker. */
export function templateDescriptionMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('nfo_templates').addColumn('description', t.text).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('nfo_templates').dropColumn('description').execute();
    },
  };
}
