import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes, notNull } from './column-types.js';

/**
 * Every release name relpack has produced (pack, fix, repack, proper), as a site's dupe database
 * keeps them: keyed by the lower-cased name, since sites compare names without case.
 */
export function releaseNamesMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('release_names')
        .addColumn('name_key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('name', 'varchar(255)', notNull)
        .addColumn('kind', 'varchar(16)', notNull)
        .addColumn('job_id', 'varchar(36)')
        .addColumn('user_id', 'varchar(36)')
        .addColumn('created_at', t.time, notNull)
        .execute();
      await db.schema.createIndex('release_names_job').on('release_names').column('job_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('release_names').ifExists().execute();
    },
  };
}
