// The Compose topology without containers: one `relpack serve` and two `relpack worker` processes
// on MariaDB and Redis (both running on this machine), sharing a data directory. The workers start
// first and wait for the app to migrate; six releases submitted through the API each run exactly
// once, in parallel across both workers, and validate; /metrics counts them.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { ebookConfig, makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { freePort } from '../helpers/net.js';
import { tempDir } from '../helpers/readers.js';
import { dropQueueKeys, REDIS_URL } from '../helpers/redis.js';
import { isCI, shouldRunWith } from '../helpers/tools.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));
const METRICS_TOKEN = 'metrics-token-0123456789';

async function servicesAnswer(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    await redis.ping();
    const db = await createTestDatabase('mysql');
    await db.drop();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const run = shouldRunWith('mkvmerge') && (isCI || (await servicesAnswer()));
if (!run && !isCI)
  console.warn('skipping the deployment topology test: needs MariaDB and Redis on this machine');

describe.runIf(run)('serve + 2 workers on MariaDB and Redis', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let url: string;
  let token: string;
  let sources: { epub: string; large: string };
  const children: ChildProcess[] = [];
  const logs = new Map<ChildProcess, string>();
  const prefix = `relpack-topo-${randomBytes(4).toString('hex')}`;

  const start = (args: string[]) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    logs.set(child, '');
    const collect = (d: Buffer) => logs.set(child, logs.get(child) + d.toString());
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    children.push(child);
    return child;
  };
  const api = async (method: string, path: string, body?: unknown, auth = `Bearer ${token}`) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: r.status, text: await r.text() };
  };
  const metric = (text: string, name: string) =>
    Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    const roots = await tempDir('topo-src');
    sources = await makeSources(roots, { largeBytes: 900_000_000 });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      DATABASE_URL: db.url,
      REDIS_URL,
      RELPACK_QUEUE_PREFIX: prefix,
      RELPACK_DATA_DIR: await tempDir('topo-data'),
      RELPACK_SOURCE_ROOTS: roots,
      RELPACK_ADMIN_PASSWORD: 'granite-willow-comet-4',
      RELPACK_METRICS_TOKEN: METRICS_TOKEN,
      JWT_SECRET: 'topology-jwt-secret-that-is-long-enough-123',
      RELPACK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    // Workers first: they must wait for the app's migrations, not run their own.
    const w1 = start(['worker']);
    const w2 = start(['worker']);
    await until(
      async () => [logs.get(w1)!, logs.get(w2)!],
      (l) => l.every((x) => x.includes('waiting for relpack serve')),
      20_000,
    );
    start(['serve']);
    await until(
      () =>
        fetch(`${url}/api/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      (s) => s === 200,
      30_000,
    );
    await until(
      async () => [logs.get(w1)!, logs.get(w2)!],
      (l) => l.every((x) => x.includes('taking jobs')),
      20_000,
    );
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'granite-willow-comet-4' }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : null)));
    await db?.drop();
    await dropQueueKeys(prefix);
  });

  it('migrates once, runs six releases once each across both workers in parallel, and /metrics counts them', async () => {
    const migrations = children.map((c) => (logs.get(c)!.match(/applied migrations/g) ?? []).length);
    expect(migrations).toEqual([0, 0, 1]);

    expect((await api('GET', '/metrics', undefined, '')).status).toBe(401);
    const before = (await api('GET', '/metrics', undefined, `Bearer ${METRICS_TOKEN}`)).text;
    expect(metric(before, 'relpack_jobs{type="tv",status="completed"}')).toBe(0);
    expect(metric(before, 'relpack_packed_bytes_total')).toBe(0);

    const configs = [
      ...[1, 2, 3].map((n) => ({ ...tvConfig(sources.large), group: `TOPO${n}` })),
      ...[1, 2, 3].map((n) => ({ ...ebookConfig(sources.epub), group: `BOOK${n}` })),
    ];
    const ids: string[] = [];
    for (const c of configs) {
      const r = await api('POST', '/api/jobs', c);
      expect(r.status, r.text).toBe(201);
      ids.push(JSON.parse(r.text).id);
    }
    const during = await until(
      () => api('GET', '/metrics', undefined, `Bearer ${token}`).then((r) => r.text),
      (t) => metric(t, 'relpack_jobs_running') === 2,
      60_000,
    );
    expect(metric(during, 'relpack_queue_depth')).toBeGreaterThanOrEqual(0);
    const done = await until(
      () => Promise.all(ids.map((id) => api('GET', `/api/jobs/${id}`).then((r) => JSON.parse(r.text)))),
      (jobs) => jobs.every((j) => ['completed', 'failed', 'cancelled'].includes(j.status)),
      180_000,
    );
    for (const j of done) {
      expect(j.status, JSON.stringify(j.error)).toBe('completed');
      expect(j.attempts).toBe(0);
      const lines = JSON.parse((await api('GET', `/api/jobs/${j.id}/logs?limit=1000`)).text).items;
      expect(lines.filter((l: { message: string }) => l.message.startsWith('completed ')).length).toBe(1);
    }
    // Both workers ran jobs, and at least two jobs of different workers overlapped in time.
    const byWorker = new Set(done.map((j) => j.worker));
    expect(byWorker.size).toBe(2);
    const overlap = done.some((a) =>
      done.some(
        (b) =>
          a.worker !== b.worker &&
          Date.parse(a.startedAt) < Date.parse(b.finishedAt) &&
          Date.parse(b.startedAt) < Date.parse(a.finishedAt),
      ),
    );
    expect(overlap).toBe(true);
    // Every release validates with the same checks a site runs.
    for (const j of done) {
      const dir = join(env.RELPACK_DATA_DIR!, 'releases', j.id, j.result.releaseName);
      const v = spawnSync(process.execPath, [bin, 'validate', dir, '--profile', j.profile], {
        env,
        encoding: 'utf8',
      });
      expect(v.status, v.stdout + v.stderr).toBe(0);
    }
    const after = (await api('GET', '/metrics', undefined, `Bearer ${METRICS_TOKEN}`)).text;
    expect(metric(after, 'relpack_jobs{type="tv",status="completed"}')).toBe(3);
    expect(metric(after, 'relpack_jobs{type="ebook",status="completed"}')).toBe(3);
    expect(metric(after, 'relpack_job_duration_seconds_count{type="tv"}')).toBe(3);
    expect(metric(after, 'relpack_job_duration_seconds_sum{type="tv"}')).toBeGreaterThan(0);
    expect(metric(after, 'relpack_packed_bytes_total')).toBeGreaterThan(3 * 900_000_000);
    expect(metric(after, 'relpack_queue_depth')).toBe(0);
  }, 240_000);
});
