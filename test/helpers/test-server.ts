// A real server (Fastify inject, real database) with a controllable clock.

import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { AppServices } from '../../src/app/index.js';
import { loadConfig } from '../../src/config.js';
import { connectDatabase, type Repositories, repositories } from '../../src/db/index.js';
import type { JobQueue } from '../../src/queue/index.js';
import { openRuntime } from '../../src/runtime/index.js';
import { buildServer } from '../../src/server/index.js';
import { createTestDatabase, type Dialect, type TestDatabase } from './databases.js';
import { tempDir } from './readers.js';

export const ADMIN_PASSWORD = 'kettle-orbit-lantern-7';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly services: AppServices;
  /** The tables themselves, for seeding and for checks the API does not answer. */
  readonly repos: Repositories;
  readonly database: TestDatabase;
  readonly routes: { method: string; url: string; access: string }[];
  readonly queue: JobQueue;
  /** Moves the clock forward. */
  advance(ms: number): void;
  login(
    username: string,
    password: string,
  ): Promise<{ accessToken: string; refreshToken: string; user: { id: string } }>;
  /** Signs in the admin, creates the operator `packer` and signs it in: their access tokens. */
  signInAdminAndOperator(): Promise<{ admin: string; operator: string }>;
  close(): Promise<void>;
}

export async function startTestServer(
  dialect: Dialect,
  env: Record<string, string> = {},
  options: {
    realClock?: boolean;
    redis?: { url: string; prefix: string };
    webRoot?: string;
    /** Where the server's request log goes (JSON lines); default: no log. */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({
    RELPACK_DATA_DIR: await tempDir('server-data'),
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-jwt-secret-that-is-long-enough-1234567890',
    RELPACK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
    RELPACK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    ...(options.redis ? { REDIS_URL: options.redis.url, RELPACK_QUEUE_PREFIX: options.redis.prefix } : {}),
    ...env,
  });
  let now = Date.parse('2026-11-26T12:00:00Z');
  const handle = connectDatabase(config.databaseUrl, config.dataDir);
  const runtime = await openRuntime(config, {
    mode: 'serve',
    version: '9.9.9',
    logger: pino({ level: 'silent' }),
    services: {
      database: handle,
      ...(options.realClock ? {} : { clock: () => new Date(now) }),
      cancelPollMs: 100,
    },
  });
  const { services, queue } = runtime;
  await services.bootstrapAdmin();
  const routes: TestServer['routes'] = [];
  const app = await buildServer(
    { services },
    {
      logger: options.logStream ? { level: 'info', stream: options.logStream } : false,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      onRoute: (r) => {
        for (const method of [r.method].flat())
          if (method !== 'HEAD') routes.push({ method, url: r.url, access: r.access });
      },
    },
  );
  await app.ready();
  const server: TestServer = {
    app,
    services,
    repos: repositories(handle),
    database,
    routes,
    queue,
    advance: (ms) => {
      now += ms;
    },
    async login(username, password) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    async signInAdminAndOperator() {
      const admin = (await server.login('admin', ADMIN_PASSWORD)).accessToken;
      const created = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { authorization: `Bearer ${admin}` },
        payload: { username: 'packer', password: 'violet-canyon-drum-88', role: 'operator' },
      });
      if (created.statusCode !== 201) throw new Error(`cannot create the operator: ${created.body}`);
      return { admin, operator: (await server.login('packer', 'violet-canyon-drum-88')).accessToken };
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.drop();
      // Releases packed by the tests are real data: free the disk as soon as the suite is done.
      await rm(services.config.dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
