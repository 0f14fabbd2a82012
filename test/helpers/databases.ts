// One fresh database per test run on each dialect; dropped afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { tempDir } from './readers.js';
import { isCI } from './tools.js';

export type Dialect = 'sqlite' | 'mysql' | 'postgres';

export const MYSQL_ADMIN_URL = process.env.RELPACK_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const POSTGRES_ADMIN_URL =
  process.env.RELPACK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly dialect: Dialect;
  /** DATABASE_URL for relpack. */
  readonly url: string;
  drop(): Promise<void>;
}

async function reachable(dialect: Dialect): Promise<boolean> {
  try {
    if (dialect === 'mysql') {
      const c = await createConnection({ uri: MYSQL_ADMIN_URL, connectTimeout: 2000 });
      await c.end();
    } else if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
      await c.connect();
      await c.end();
    }
    return true;
  } catch {
    return false;
  }
}

/** The dialects to test: all three under CI; locally the ones whose server answers. */
export async function availableDialects(): Promise<Dialect[]> {
  const out: Dialect[] = ['sqlite'];
  for (const d of ['mysql', 'postgres'] as const) {
    if (isCI || (await reachable(d))) out.push(d);
    else console.warn(`skipping ${d}: no server at ${d === 'mysql' ? MYSQL_ADMIN_URL : POSTGRES_ADMIN_URL}`);
  }
  return out;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const name = `relpack_t_${randomBytes(5).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = await tempDir('sqlite');
    return { dialect, url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => undefined };
  }
  if (dialect === 'mysql') {
    const admin = await createConnection({ uri: MYSQL_ADMIN_URL });
    await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    return {
      dialect,
      url: `${MYSQL_ADMIN_URL.replace(/\/$/, '')}/${name}`,
      drop: async () => {
        const c = await createConnection({ uri: MYSQL_ADMIN_URL });
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        await c.end();
      },
    };
  }
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
