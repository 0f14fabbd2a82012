// npm run bench (part 2): GET /api/jobs?limit=50 on SQLite with 10,000 jobs, 50 connections for
// 10 s with autocannon, against GET /api/health measured in the same run on the same server.
// Targets: p99 < 50 ms, and at least 25 % of the health route's throughput. Random pages (no
// memo, every request a database query) are reported beside, without a target.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../dist/config.js';
import { connectDatabase, repositories } from '../dist/db/index.js';
import { openRuntime } from '../dist/runtime/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'relpack-bench-http-'));
const env = {
  ...process.env,
  RELPACK_DATA_DIR: dataDir,
  RELPACK_ADMIN_PASSWORD: 'bench-lighthouse-fig-8',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: '18499',
};

const config = loadConfig(env);
const handle = connectDatabase(config.databaseUrl, config.dataDir);
// The seeding process only writes rows: a tool runtime (no queue work), migrated here.
const runtime = await openRuntime(config, { mode: 'tool', version: 'bench', services: { database: handle } });
const { services } = runtime;
const repos = repositories(handle);
await services.migrate();
await services.bootstrapAdmin();
const admin = (await repos.users.list())[0];
const start = Date.parse('2025-01-01T00:00:00Z');
for (let i = 0; i < 10_000; i++) {
  await repos.jobs.insert({
    type: i % 2 ? 'tv' : 'ebook',
    profile: i % 2 ? 'tv-720p-2016' : 'ebook-2022',
    ownerId: admin.id,
    title: `Some.Release.Name.${i}.720p.HDTV.x264-GRP`,
    config: { source: `/data/in/${i}.mkv`, group: 'GRP', meta: { season: 1, episode: i } },
    now: new Date(start + i * 60_000),
    // History only: pending or running rows would be picked up (and fail) while the benchmark runs.
    status: ['completed', 'failed', 'cancelled', 'completed'][i % 4],
  });
}
await runtime.close();

const server = spawn(process.execPath, ['bin/relpack.js', 'serve'], {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = 'http://127.0.0.1:18499';
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  if (i > 100) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 100));
}
const login = await (
  await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-lighthouse-fig-8' }),
  })
).json();

async function run(path, headers = {}, setupRequest = undefined) {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: 50,
    duration: SECONDS,
    headers,
    ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

const health = await run('/api/health');
const auth = { authorization: `Bearer ${login.accessToken}` };
// What dashboards do: the same page polled while nothing changes (answered from the memo).
const jobs = await run('/api/jobs?limit=50', auth);
// Every request a different page (random offsets over the 10,000 jobs): the database path.
const pages = await run('/api/jobs?limit=50', auth, (request) => ({
  ...request,
  path: `/api/jobs?limit=50&offset=${Math.floor(Math.random() * 9950)}`,
}));
server.kill('SIGTERM');
await once(server, 'exit');
rmSync(dataDir, { recursive: true, force: true });

console.log(`HTTP on SQLite, 10,000 jobs, 50 connections × ${SECONDS} s`);
console.log(`  GET /api/health            ${health.rps.toFixed(0)} req/s, p99 ${health.p99} ms`);
console.log(
  `  GET /api/jobs?limit=50     ${jobs.rps.toFixed(0)} req/s, p99 ${jobs.p99} ms  (target p99 < 50 ms)`,
);
console.log(`  ratio jobs / health        = ${(jobs.rps / health.rps).toFixed(2)}  (target ≥ 0.25)`);
console.log(
  `  GET /api/jobs, random page ${pages.rps.toFixed(0)} req/s, p99 ${pages.p99} ms  (uncached; ratio to health ${(pages.rps / health.rps).toFixed(2)}, no target)`,
);
