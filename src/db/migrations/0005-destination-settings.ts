import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes } from './column-types.js';

/**
 * Upload behaviour per destination (verification, temp-name uploads, retries, timeouts) and when a
 * host key was recorded on first use, so the UI can show that it was never silently trusted.
 */
export function destinationSettingsMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('destinations').addColumn('settings', t.json).execute();
      await db.schema.alterTable('destinations').addColumn('host_key_recorded_at', t.time).execute();
      await db.schema.createIndex('jobs_parent').on('jobs').column('parent_job_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('jobs_parent').on('jobs').execute();
      await db.schema.alterTable('destinations').dropColumn('host_key_recorded_at').execute();
      await db.schema.alterTable('destinations').dropColumn('settings').execute();
    },
  };
}
