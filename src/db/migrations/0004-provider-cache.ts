import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes, notNull } from './column-types.js';

/** Metadata lookups are cached (repeated ones cost nothing) and counted per provider per day. */
export function providerCacheMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('provider_cache')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('provider', 'varchar(32)', notNull)
        .addColumn('value', t.json, notNull)
        .addColumn('expires_at', t.time, notNull)
        .execute();
      await db.schema
        .createTable('provider_quota')
        .addColumn('provider', 'varchar(32)', notNull)
        .addColumn('day', 'varchar(10)', notNull)
        .addColumn('count', 'integer', notNull)
        .addPrimaryKeyConstraint('provider_quota_pk', ['provider', 'day'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('provider_quota').ifExists().execute();
      await db.schema.dropTable('provider_cache').ifExists().execute();
    },
  };
}
