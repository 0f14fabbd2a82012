// The Docker image, built from the project's Dockerfile by a real engine (.ci/run builds it as
// relpack:ci on a base image made by test/docker/base-image.sh) and run for real: the app container
// against this machine's MariaDB and Redis on the host network, healthy through the image's own
// HEALTHCHECK, not root; two worker containers take the jobs; every release validates; the app
// restarts on the same volume with its data; `docker stop` ends a worker cleanly through tini.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, copyFile, mkdir, readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';
import {
  becomesHealthy,
  ContainerApi,
  containerHealth,
  containerLogs,
  docker,
  dockerMissing,
  TEST_IMAGE as IMAGE,
  type JobView,
  RELPACK_UID,
} from './helpers/docker.js';
import { ebookConfig, makeSources, tvConfig, until } from './helpers/job-fixtures.js';
import { freePort } from './helpers/net.js';
import { tempDir } from './helpers/readers.js';
import { dropQueueKeys, REDIS_URL } from './helpers/redis.js';
import { isCI } from './helpers/tools.js';

const run = promisify(execFile);
const ADMIN_PASSWORD = 'granite-willow-comet-4';

const missing = dockerMissing(IMAGE);
if (missing && !isCI) console.warn(`skipping the Docker image test: ${missing}`);

// Under CI nothing may skip: a missing engine or image fails here, with the reason.
describe.runIf(!missing || isCI)(`the image ${IMAGE}`, () => {
  let db: TestDatabase;
  let data: string;
  let url: string;
  let env: string[];
  const prefix = `relpack-img-${randomBytes(4).toString('hex')}`;
  const containers: string[] = [];
  const name = (role: string) => `${prefix}-${role}`;
  /** A host path under the data volume, as the containers see it. */
  const inContainer = (path: string) => path.replace(data, '/data');

  const start = async (role: string, args: string[], extra: string[] = []) => {
    const id = await docker(
      'run',
      '--detach',
      '--name',
      name(role),
      '--network',
      'host',
      '--volume',
      `${data}:/data`,
      ...env.flatMap((e) => ['--env', e]),
      ...extra,
      IMAGE,
      ...args,
    );
    containers.push(name(role));
    return id;
  };
  const logs = (role: string) => containerLogs(name(role));
  const health = (role: string) => containerHealth(name(role));
  let api: ContainerApi;

  beforeAll(async () => {
    expect(missing, missing ?? '').toBeNull();
    db = await createTestDatabase('mysql');
    data = await tempDir('image-data');
    const sources = join(data, 'sources');
    const made = await makeSources(await mkdirOwned(sources), { largeBytes: 300_000_000 });
    // A longer episode for the stop test, so SIGTERM lands while it is being packed.
    await copyFile(made.large, join(sources, 'longer.mkv'));
    await truncate(join(sources, 'longer.mkv'), 1_500_000_000);
    await chownTree(data, RELPACK_UID);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = new ContainerApi(url, ADMIN_PASSWORD);
    env = [
      `DATABASE_URL=${db.url}`,
      `REDIS_URL=${REDIS_URL}`,
      `RELPACK_QUEUE_PREFIX=${prefix}`,
      'RELPACK_SOURCE_ROOTS=/data/sources',
      `RELPACK_ADMIN_PASSWORD=${ADMIN_PASSWORD}`,
      'JWT_SECRET=image-test-jwt-secret-that-is-long-enough-1',
      `RELPACK_SECRET_KEY=${Buffer.alloc(32, 7).toString('base64')}`,
      `PORT=${port}`,
      'HOST=127.0.0.1',
      'LOG_LEVEL=warn',
    ];
    // The image's own HEALTHCHECK command, checked every second instead of every 30.
    const started = Date.now();
    await start('app', ['serve'], ['--health-interval', '1s', '--health-start-period', '60s']);
    await becomesHealthy(name('app'));
    console.log(`app container healthy ${((Date.now() - started) / 1000).toFixed(1)} s after docker run`);
    // With the vfs storage driver each new container copies the image's files (about 30 s here):
    // the workers start together, and checks run in the app container with docker exec.
    await Promise.all([start('worker-1', ['worker']), start('worker-2', ['worker'])]);
    await until(
      async () => [await logs('worker-1'), await logs('worker-2')],
      (l) => l.every((x) => x.includes('taking jobs')),
      60_000,
    );
    await api.login();
  }, 240_000);

  afterAll(async () => {
    for (const c of containers) await run('docker', ['rm', '--force', c]).catch(() => undefined);
    await db?.drop();
    await dropQueueKeys(prefix);
  });

  it('holds no dev dependencies, tests or secrets, and runs as relpack, not root', async () => {
    const [config] = JSON.parse(await docker('image', 'inspect', IMAGE)) as {
      Size: number;
      Config: { User: string; Env: string[]; Healthcheck: { Test: string[] } };
    }[];
    console.log(`image ${IMAGE}: ${(config!.Size / 1e6).toFixed(0)} MB`);
    expect(config!.Config.User).toBe('relpack');
    expect(config!.Config.Env.join('\n')).not.toMatch(/SECRET|PASSWORD|TOKEN/);
    expect(config!.Config.Healthcheck.Test.join(' ')).toMatch(/\/api\/health/);
    // No dev dependency is installed (npm prune may leave an empty scope folder, not a package).
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // Only the dev dependencies no runtime package needs (mysql2 needs @types/node, for one).
    const prod = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: new URL('..', import.meta.url),
      maxBuffer: 16 << 20,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const prodNames = new Set(prod.stdout.split('\n').map((p) => p.split('node_modules/').pop()));
    const devNames = Object.keys(pkg.devDependencies).filter((name) => !prodNames.has(name));
    expect(devNames).toContain('vitest');
    const present = await docker(
      'exec',
      name('app'),
      'sh',
      '-c',
      `cd /app; ls -a; for p in ${devNames.join(' ')}; do [ -e "node_modules/$p/package.json" ] && echo "dev: $p"; done; true`,
    );
    expect(present.split('\n').filter((l) => l.startsWith('dev: '))).toEqual([]);
    expect(present.split('\n')).not.toContain('test');
    expect(present.split('\n')).not.toContain('.env');
    expect(await health('app')).toBe('healthy');
    const uids = await docker(
      'exec',
      name('app'),
      'sh',
      '-c',
      "grep -h '^Uid:' /proc/[0-9]*/status | sort -u",
    );
    for (const line of uids.split('\n')) expect(line.split(/\s+/)[1]).toBe(String(RELPACK_UID));
    expect((await logs('app')).match(/applied migrations/g)).toHaveLength(1);
    // Healthy (liveness) and ready: the database answers and the schema is current.
    const ready = await fetch(`${url}/api/ready`);
    expect(ready.status, await ready.text()).toBe(200);
  });

  it('the two worker containers run the releases submitted to the app, and each validates', async () => {
    const epub = '/data/sources/book.epub';
    const large = '/data/sources/large.mkv';
    const configs = [
      ...[1, 2].map((n) => ({ ...tvConfig(large), group: `IMG${n}` })),
      ...[1, 2].map((n) => ({ ...ebookConfig(epub), group: `IMGBOOK${n}` })),
    ];
    const ids = await api.submit(configs);
    const done = await api.finished(ids, 180_000);
    console.log(
      done
        .map((j) => `${j.type} ${j.worker} ${(Date.parse(j.finishedAt) - Date.parse(j.startedAt)) / 1000} s`)
        .join('\n'),
    );
    for (const j of done) expect(j.status, JSON.stringify(j.error)).toBe('completed');
    expect(new Set(done.map((j) => j.worker)).size).toBe(2);
    for (const j of done) {
      const dir = `/data/releases/${j.id}/${j.result.releaseName}`;
      const v = spawnSync(
        'docker',
        ['exec', name('app'), 'node', '/app/bin/relpack.js', 'validate', dir, '--profile', j.profile],
        { encoding: 'utf8' },
      );
      expect(v.status, v.stdout + v.stderr).toBe(0);
    }
  }, 300_000);

  it('restarts on the same volume and database with its jobs and releases', async () => {
    const before = JSON.parse((await api.call('GET', '/api/jobs?limit=50')).text).items as { id: string }[];
    expect(before.length).toBeGreaterThan(0);
    await docker('restart', name('app'));
    expect(await becomesHealthy(name('app'))).toBe('healthy');
    await api.login();
    const after = JSON.parse((await api.call('GET', '/api/jobs?limit=50')).text).items as {
      id: string;
      status: string;
    }[];
    expect(after.map((j) => j.id).sort()).toEqual(before.map((j) => j.id).sort());
    // Migrations ran once in the first life; the second found the schema current.
    expect((await logs('app')).match(/applied migrations/g)).toHaveLength(1);
    const releases = await readdir(join(data, 'releases'));
    expect(releases.length).toBe(after.filter((j) => j.status === 'completed').length);
  }, 180_000);

  it('docker stop lets a worker finish its job, then the worker exits 0 (SIGTERM reaches Node through tini)', async () => {
    await docker('stop', name('worker-2'));
    const longer = inContainer(join(data, 'sources', 'longer.mkv'));
    const [id] = (await api.submit([{ ...tvConfig(longer), group: 'STOPPED' }])) as [string];
    await until(
      () => api.job(id),
      (j) => j.status === 'running',
      60_000,
    );
    // Give it the time the job needs; docker stop sends SIGTERM, then SIGKILL after --time seconds.
    const stoppedAt = Date.now();
    await docker('stop', '--time', '120', name('worker-1'));
    const state = JSON.parse(await docker('inspect', '--format', '{{json .State}}', name('worker-1')));
    expect(state.ExitCode, await logs('worker-1')).toBe(0);
    expect(state.OOMKilled).toBe(false);
    expect(await logs('worker-1')).toContain('finishing running jobs, then stopping');
    const [stopped] = (await api.finished([id], 30_000)) as [JobView];
    expect(stopped.status, JSON.stringify(stopped.error)).toBe('completed');
    expect(Date.parse(stopped.finishedAt)).toBeGreaterThan(stoppedAt);
  }, 240_000);
});

async function mkdirOwned(path: string): Promise<string> {
  await mkdir(path, { recursive: true });
  return path;
}

/** The data volume belongs to the image's user, as a named volume would. */
async function chownTree(path: string, uid: number): Promise<void> {
  await chown(path, uid, uid);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid);
    else await chown(child, uid, uid);
  }
}
