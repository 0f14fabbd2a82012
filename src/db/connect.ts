import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type SQLiteDriver from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect, SqliteDialect } from 'kysely';
import type * as Mysql2 from 'mysql2';
import type PgDriver from 'pg';
import { type DialectValues, dialectValues, type SqlDialect } from './dialect.js';
import type { Database } from './schema.js';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  readonly values: DialectValues;
  /** Where the data lives, for logs: the SQLite path or the URL without its password. */
  readonly location: string;
  /**
   * A value that changes whenever the database may have changed, cheap enough to read on every
   * request: SQLite's own write count on this connection plus `data_version` (which moves when
   * another connection, such as a CLI pack, commits). Null where no such counter exists (the
   * client-server databases), so callers must not cache there.
   */
  changeToken(): string | null;
  close(): Promise<void>;
}

export function dialectOf(url: string | undefined): SqlDialect {
  if (!url || url.startsWith('sqlite:') || url.startsWith('file:')) return 'sqlite';
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(
    `DATABASE_URL must start with mysql://, mariadb://, postgres:// or sqlite: (got "${url.split(':')[0]}:")`,
  );
}

// Only the driver of the configured dialect is loaded (each costs tens of milliseconds at every
// CLI start); they are CommonJS packages, so a lazy require keeps connecting synchronous.
const require = createRequire(import.meta.url);
const drivers = {
  sqlite: () => require('better-sqlite3') as typeof SQLiteDriver,
  mysql: () => require('mysql2') as typeof Mysql2,
  postgres: () => require('pg') as typeof PgDriver,
};

/**
 * The database holds password hashes and sealed secrets: a folder created for it is 0700, and the
 * file is 0600 before SQLite opens it (SQLite gives its -wal and -shm files the same mode). An
 * existing file is tightened too; an existing folder is left as its owner set it.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  try {
    chmodSync(path, 0o600);
  } catch {
    // Not ours to change: the owner decides.
  }
}

/**
 * `DATABASE_URL` picks the dialect: unset → `<dataDir>/relpack.sqlite` (WAL), `sqlite:<path>`,
 * `mysql://` / `mariadb://` → mysql2, `postgres://` → pg. Times are UTC on every dialect.
 */
export function connectDatabase(url: string | undefined, dataDir: string): DatabaseHandle {
  const dialect = dialectOf(url);
  const values = dialectValues(dialect);
  if (dialect === 'sqlite') {
    const path = url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : join(dataDir, 'relpack.sqlite');
    if (path !== ':memory:') createPrivateFile(path);
    const SQLite = drivers.sqlite();
    const database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    const version = database
      .prepare('select total_changes() as t, (select data_version from pragma_data_version) as v')
      .raw();
    return {
      db,
      dialect,
      values,
      location: path,
      changeToken: () => (version.get() as [number, number]).join(':'),
      close: () => db.destroy(),
    };
  }
  const location = redact(url!);
  if (dialect === 'mysql') {
    const pool = drivers.mysql().createPool({
      uri: url!.replace(/^mariadb:/, 'mysql:'),
      timezone: 'Z',
      dateStrings: false,
      connectionLimit: 10,
      supportBigNumbers: true,
      bigNumberStrings: false,
    });
    const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool }) });
    return { db, dialect, values, location, changeToken: () => null, close: () => db.destroy() };
  }
  // int8 (bigint) as a number: sizes stay far below 2^53.
  const pg = drivers.postgres();
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server ends (a restart, an admin's pg_terminate_backend, a dropped database)
  // emits 'error' on its client; unheard, that ends the process. The pool drops the client and
  // the next query opens a new connection, so the event is only noted.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    client.query("SET TIME ZONE 'UTC'").catch(() => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, values, location, changeToken: () => null, close: () => db.destroy() };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
