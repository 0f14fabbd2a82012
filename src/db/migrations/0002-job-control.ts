import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes } from './column-types.js';

/** Cancellation across processes (the worker polls the flag) and which worker holds a job. */
export function jobControlMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('cancel_requested_at', t.time).execute();
      await db.schema.alterTable('jobs').addColumn('worker', 'varchar(128)').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('jobs').dropColumn('worker').execute();
      await db.schema.alterTable('jobs').dropColumn('cancel_requested_at').execute();
    },
  };
}
