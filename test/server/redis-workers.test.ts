// BullMQ on the real Redis: the server only enqueues, two `relpack worker` processes share the
// database and data directory, take jobs in parallel, run each exactly once, honour a cancel,
// and a job whose worker is killed is finished by the other one.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { ebookConfig, makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { tempDir } from '../helpers/readers.js';
import { dropQueueKeys, REDIS_URL } from '../helpers/redis.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { isCI, shouldRunWith } from '../helpers/tools.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0 });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const run = shouldRunWith('mkvmerge') && (isCI || (await redisAnswers()));
if (!run && !isCI) console.warn(`skipping BullMQ tests: no Redis at ${REDIS_URL}`);
// PostgreSQL when there is one: the realistic shared database; SQLite (WAL) otherwise.
const dialect = (await availableDialects()).includes('postgres') ? 'postgres' : 'sqlite';

describe.runIf(run)('BullMQ workers on Redis', () => {
  let s: TestServer;
  let token: string;
  let sources: { epub: string; large: string };
  const prefix = `relpack-t-${randomBytes(4).toString('hex')}`;
  const workers: ChildProcess[] = [];

  const startWorker = async () => {
    const config = s.services.config;
    const child = spawn(process.execPath, [bin, 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: config.databaseUrl,
        RELPACK_DATA_DIR: config.dataDir,
        // Workers check a job's source against the same roots again when they run it (issue #18).
        RELPACK_SOURCE_ROOTS: config.sourceRoots.join(','),
        REDIS_URL,
        RELPACK_QUEUE_PREFIX: prefix,
        RELPACK_WORKER_LOCK_MS: '3000',
        JWT_SECRET: 'test-jwt-secret-that-is-long-enough-1234567890',
        RELPACK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    await until(
      async () => err,
      (text) => text.includes('taking jobs') || child.exitCode !== null,
      20_000,
    );
    if (child.exitCode !== null) throw new Error(`worker exited: ${err}`);
    workers.push(child);
    return child;
  };
  const getJob = (id: string) =>
    s.app
      .inject({ method: 'GET', url: `/api/jobs/${id}`, headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.json());
  const create = async (config: object) =>
    (
      await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { authorization: `Bearer ${token}` },
        payload: config as Record<string, unknown>,
      })
    ).json();

  beforeAll(async () => {
    const roots = await tempDir('redis-src');
    sources = await makeSources(roots, { largeBytes: 1_500_000_000 });
    s = await startTestServer(
      dialect,
      { RELPACK_SOURCE_ROOTS: roots },
      { realClock: true, redis: { url: REDIS_URL, prefix } },
    );
    token = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    await startWorker();
    await startWorker();
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await s?.close();
    await dropQueueKeys(prefix);
  });

  it('two workers take jobs in parallel and run each exactly once', async () => {
    const jobs = [
      await create(tvConfig(sources.large, 1)),
      await create(tvConfig(sources.large, 2)),
      await create(ebookConfig(sources.epub, 1)),
      await create(ebookConfig(sources.epub, 2)),
    ];
    // while the two large ones run, both workers are busy at the same time
    await until(
      async () => Promise.all(jobs.map((j) => getJob(j.id))),
      (all) => all.filter((j) => j.status === 'running').length === 2,
      30_000,
    );
    const done = await until(
      async () => Promise.all(jobs.map((j) => getJob(j.id))),
      (all) => all.every((j) => ['completed', 'failed', 'cancelled'].includes(j.status)),
      120_000,
    );
    expect(done.map((j) => j.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(done.map((j) => j.attempts)).toEqual([0, 0, 0, 0]);
    expect(new Set(done.map((j) => j.worker)).size).toBe(2);
    for (const j of done) {
      const logs = await s.repos.jobLogs.list(j.id, { limit: 1000 });
      expect(logs.filter((l) => l.message.startsWith('packing ')).length, j.id).toBe(1);
    }
  }, 180_000);

  it('a cancel reaches the worker running the job', async () => {
    const job = await create(tvConfig(sources.large, 3));
    await until(
      () => getJob(job.id),
      (j) => j.status === 'running' && (j.progress?.bytesDone ?? 0) > 0,
      30_000,
    );
    await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${job.id}/cancel`,
      headers: { authorization: `Bearer ${token}` },
    });
    const after = await until(
      () => getJob(job.id),
      (j) => j.status !== 'running',
      20_000,
    );
    expect(after.status).toBe('cancelled');
  }, 60_000);

  it('a job whose worker is killed is taken over and finished by the other worker', async () => {
    const job = await create(tvConfig(sources.large, 4));
    const running = await until(
      () => getJob(job.id),
      (j) => j.status === 'running' && (j.progress?.bytesDone ?? 0) > 0,
      30_000,
    );
    const victim = workers.find(
      (w) => running.worker === `${(running.worker as string).split(':')[0]}:${w.pid}`,
    )!;
    expect(victim).toBeDefined();
    victim.kill('SIGKILL');
    await once(victim, 'exit');
    const done = await until(
      () => getJob(job.id),
      (j) => j.status === 'completed' || j.status === 'failed',
      120_000,
    );
    expect(done.status).toBe('completed');
    expect(done.attempts).toBe(1);
    expect(done.worker).not.toBe(running.worker);
  }, 180_000);
});
