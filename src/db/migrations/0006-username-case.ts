import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from '../dialect.js';

/**
 * Usernames are unique whatever their case ("Admin" is "admin"). MariaDB's default collation
 * already compares them so; SQLite and PostgreSQL get a unique index on lower(username).
 */
export function usernameCaseMigration(dialect: SqlDialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'mysql') return;
      await db.schema
        .createIndex('users_username_lower')
        .on('users')
        .unique()
        .expression(sql`lower(username)`)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'mysql') return;
      await db.schema.dropIndex('users_username_lower').execute();
    },
  };
}
