import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialect.js';
import { columnTypes, notNull } from './column-types.js';

/** Every entity of SPEC.md §3, designed now; later issues fill in the behaviour. */
export function initialMigration(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  const id = 'varchar(36)' as const;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('password_hash', 'varchar(255)', notNull)
        .addColumn('role', 'varchar(16)', notNull)
        .addColumn('active', t.bool, notNull)
        .addColumn('created_at', t.time, notNull)
        .addColumn('updated_at', t.time, notNull)
        .addColumn('last_login_at', t.time)
        .execute();

      await db.schema
        .createTable('refresh_tokens')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('family_id', id, notNull)
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_at', t.time, notNull)
        .addColumn('expires_at', t.time, notNull)
        .addColumn('revoked_at', t.time)
        .addColumn('replaced_by', id)
        .addColumn('user_agent', 'varchar(255)')
        .addColumn('ip', 'varchar(64)')
        .execute();
      await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();
      await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('type', 'varchar(16)', notNull)
        .addColumn('profile', 'varchar(32)')
        .addColumn('status', 'varchar(16)', notNull)
        .addColumn('owner_id', id, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('parent_job_id', id)
        .addColumn('title', 'varchar(255)')
        .addColumn('config', t.json, notNull)
        .addColumn('progress', t.json)
        .addColumn('result', t.json)
        .addColumn('error_code', 'varchar(64)')
        .addColumn('error_message', t.text)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.time, notNull)
        .addColumn('updated_at', t.time, notNull)
        .addColumn('started_at', t.time)
        .addColumn('finished_at', t.time)
        .execute();
      // The job list filters by status, type and owner and pages by creation time.
      await db.schema
        .createIndex('jobs_status_created')
        .on('jobs')
        .columns(['status', 'created_at'])
        .execute();
      await db.schema.createIndex('jobs_type_created').on('jobs').columns(['type', 'created_at']).execute();
      await db.schema
        .createIndex('jobs_owner_created')
        .on('jobs')
        .columns(['owner_id', 'created_at'])
        .execute();
      await db.schema.createIndex('jobs_created').on('jobs').columns(['created_at', 'id']).execute();

      await t
        .serial(db.schema.createTable('job_logs'), 'id')
        .addColumn('job_id', id, (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('level', 'varchar(10)', notNull)
        .addColumn('message', t.text, notNull)
        .addColumn('fields', t.json)
        .addColumn('created_at', t.time, notNull)
        .execute();
      await db.schema.createIndex('job_logs_job').on('job_logs').columns(['job_id', 'id']).execute();

      await db.schema
        .createTable('artifacts')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('job_id', id, (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('kind', 'varchar(16)', notNull)
        .addColumn('path', 'varchar(1024)', notNull)
        .addColumn('size', t.bigint, notNull)
        .addColumn('crc32', 'varchar(8)', notNull)
        .addColumn('created_at', t.time, notNull)
        .execute();
      await db.schema.createIndex('artifacts_job').on('artifacts').column('job_id').execute();

      await db.schema
        .createTable('user_preferences')
        .addColumn('user_id', id, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('key', 'varchar(128)', notNull)
        .addColumn('value', t.json, notNull)
        .addColumn('updated_at', t.time, notNull)
        .addPrimaryKeyConstraint('user_preferences_pk', ['user_id', 'key'])
        .execute();

      await db.schema
        .createTable('global_preferences')
        .addColumn('key', 'varchar(128)', (c) => c.primaryKey())
        .addColumn('value', t.json, notNull)
        .addColumn('updated_at', t.time, notNull)
        .addColumn('updated_by', id)
        .execute();

      await db.schema
        .createTable('nfo_templates')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('name', 'varchar(128)', notNull)
        .addColumn('release_type', 'varchar(16)', notNull)
        .addColumn('kind', 'varchar(8)', notNull)
        .addColumn('content', t.text, notNull)
        .addColumn('owner_id', id, (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('is_default', t.bool, notNull)
        .addColumn('created_at', t.time, notNull)
        .addColumn('updated_at', t.time, notNull)
        .execute();
      await db.schema
        .createIndex('nfo_templates_name')
        .on('nfo_templates')
        .columns(['name', 'owner_id'])
        .execute();

      await db.schema
        .createTable('api_configs')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('provider', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('api_key_encrypted', t.text)
        .addColumn('settings', t.json)
        .addColumn('enabled', t.bool, notNull)
        .addColumn('created_at', t.time, notNull)
        .addColumn('updated_at', t.time, notNull)
        .execute();

      await db.schema
        .createTable('destinations')
        .addColumn('id', id, (c) => c.primaryKey())
        .addColumn('name', 'varchar(128)', (c) => c.notNull().unique())
        .addColumn('protocol', 'varchar(8)', notNull)
        .addColumn('host', 'varchar(255)', notNull)
        .addColumn('port', 'integer', notNull)
        .addColumn('username', 'varchar(255)', notNull)
        .addColumn('password_encrypted', t.text)
        .addColumn('private_key_encrypted', t.text)
        .addColumn('base_path', 'varchar(1024)', notNull)
        .addColumn('path_template', 'varchar(1024)', notNull)
        .addColumn('passive', t.bool, notNull)
        .addColumn('tls', t.json)
        .addColumn('host_key_fingerprint', 'varchar(255)')
        .addColumn('concurrency', 'integer', notNull)
        .addColumn('enabled', t.bool, notNull)
        .addColumn('created_at', t.time, notNull)
        .addColumn('updated_at', t.time, notNull)
        .execute();

      await t
        .serial(db.schema.createTable('audit_log'), 'id')
        .addColumn('at', t.time, notNull)
        .addColumn('user_id', id)
        .addColumn('action', 'varchar(64)', notNull)
        .addColumn('target', 'varchar(255)')
        .addColumn('ip', 'varchar(64)')
        .addColumn('details', t.json)
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'audit_log',
        'destinations',
        'api_configs',
        'nfo_templates',
        'global_preferences',
        'user_preferences',
        'artifacts',
        'job_logs',
        'jobs',
        'refresh_tokens',
        'users',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
