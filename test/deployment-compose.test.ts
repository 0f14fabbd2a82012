// compose.yaml brought up for real by Debian's docker-compose: the app and two workers (--scale
// worker=2) from the image .ci/run builds, with test/docker/compose.machine.yaml pointing them at
// this machine's MariaDB and Redis (no registry here for the stock mariadb and redis images). The
// .env is the project's .env.example with its secrets filled in, as a user would.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createTestDatabase, type TestDatabase } from './helpers/databases.js';
import {
  becomesHealthy,
  ContainerApi,
  containerLogs,
  docker,
  dockerMissing,
  TEST_IMAGE,
} from './helpers/docker.js';
import { ebookConfig, makeSources, tvConfig, until } from './helpers/job-fixtures.js';
import { freePort } from './helpers/net.js';
import { tempDir } from './helpers/readers.js';
import { dropQueueKeys, REDIS_URL } from './helpers/redis.js';
import { isCI } from './helpers/tools.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_PASSWORD = 'juniper-harbor-quartz-9';

const missing = dockerMissing(TEST_IMAGE, ['docker-compose']);
if (missing && !isCI) console.warn(`skipping the Compose test: ${missing}`);

interface Rendered {
  services: Record<string, { ports?: unknown }>;
}

describe.runIf(!missing || isCI)('compose.yaml with docker-compose', () => {
  const project = `relpackc${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let dir: string;
  let rendered: string;
  let env: NodeJS.ProcessEnv;
  let api: ContainerApi;

  /** docker-compose on the rendered file; rejects with its output when it fails. */
  const compose = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn('docker-compose', ['-p', project, '-f', rendered, ...args], { cwd: dir, env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`docker-compose ${args.join(' ')}: ${code}\n${out}`)),
      );
    });
  /** Containers of a service, as docker-compose names them. */
  const containers = async (service: string) =>
    (
      await docker(
        'ps',
        '--all',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--filter',
        `label=com.docker.compose.service=${service}`,
        '--format',
        '{{.Names}}',
      )
    )
      .split('\n')
      .filter(Boolean)
      .sort();

  beforeAll(async () => {
    expect(missing, missing ?? '').toBeNull();
    db = await createTestDatabase('mysql');
    dir = await tempDir('compose-up');
    const sources = join(dir, 'sources');
    await mkdir(sources);
    await makeSources(sources, { largeBytes: 200_000_000 });
    const port = await freePort();
    // The user's steps: cp .env.example .env, then fill in the secrets.
    const example = await readFile(join(root, '.env.example'), 'utf8');
    await writeFile(
      join(dir, '.env'),
      example
        .replace(/^RELPACK_SECRET_KEY=$/m, `RELPACK_SECRET_KEY=${randomBytes(32).toString('base64')}`)
        .replace(/^JWT_SECRET=$/m, `JWT_SECRET=${randomBytes(48).toString('base64')}`)
        .replace(/^# RELPACK_ADMIN_PASSWORD=$/m, `RELPACK_ADMIN_PASSWORD=${ADMIN_PASSWORD}`)
        .replace(/^RELPACK_PORT=.*$/m, `RELPACK_PORT=${port}`),
    );
    env = {
      ...process.env,
      RELPACK_TEST_IMAGE: TEST_IMAGE,
      RELPACK_TEST_DATABASE_URL: db.url,
      RELPACK_TEST_REDIS_URL: REDIS_URL,
      RELPACK_TEST_SOURCES: sources,
      RELPACK_QUEUE_PREFIX: project,
    };
    // compose.yaml and the override as docker-compose merges them, without the app's `ports`
    // (see the override's header): the one change a 1.x override cannot express.
    rendered = join(dir, 'compose.rendered.yaml');
    const config = await new Promise<string>((resolve, reject) => {
      const args = ['--project-directory', dir, '-f', join(root, 'compose.yaml'), '-f'];
      const child = spawn(
        'docker-compose',
        [...args, join(root, 'test/docker/compose.machine.yaml'), 'config'],
        {
          cwd: dir,
          env,
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
    });
    const merged = parse(config) as Rendered;
    expect(merged.services.app?.ports).toBeDefined();
    delete merged.services.app!.ports;
    await writeFile(rendered, stringify(merged));
    api = new ContainerApi(`http://127.0.0.1:${port}`, ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    if (rendered) await compose('down', '--volumes', '--timeout', '30').catch((e) => console.warn(String(e)));
    await db?.drop();
    await dropQueueKeys(project);
  }, 120_000);

  it('up --scale worker=2: the app turns healthy once the machine Redis answers, migrates once, and both workers take jobs', async () => {
    await compose('up', '--detach', '--no-build', '--scale', 'worker=2');
    const [app] = await containers('app');
    expect(app).toBeDefined();
    expect(await becomesHealthy(app!)).toBe('healthy');
    const workers = await containers('worker');
    expect(workers).toHaveLength(2);
    await until(
      () => Promise.all(workers.map(containerLogs)),
      (logs) => logs.every((l) => l.includes('taking jobs')),
      90_000,
    );
    expect((await containerLogs(app!)).match(/applied migrations/g)).toHaveLength(1);
    for (const w of workers) expect(await containerLogs(w)).not.toMatch(/applied migrations/);
    const ready = await fetch(`${api.url}/api/ready`);
    expect(ready.status, await ready.text()).toBe(200);
    await api.login();
  }, 300_000);

  it('runs the releases submitted to the app on both workers, and each validates', async () => {
    const configs = [
      ...[1, 2].map((n) => ({ ...tvConfig('/data/sources/large.mkv'), group: `CMP${n}` })),
      ...[1, 2].map((n) => ({ ...ebookConfig('/data/sources/book.epub'), group: `CMPBOOK${n}` })),
    ];
    const done = await api.finished(await api.submit(configs), 240_000);
    for (const j of done) expect(j.status, JSON.stringify(j.error)).toBe('completed');
    expect(new Set(done.map((j) => j.worker)).size).toBe(2);
    // `exec` fails, with validate's findings, unless it exits 0.
    for (const j of done) {
      await compose(
        'exec',
        '-T',
        'app',
        'node',
        '/app/bin/relpack.js',
        'validate',
        `/data/releases/${j.id}/${j.result.releaseName}`,
        '--profile',
        j.profile,
      );
    }
  }, 300_000);

  it('stop ends every container cleanly: tini hands SIGTERM to Node, which exits 0', async () => {
    await compose('stop', '--timeout', '60');
    for (const service of ['app', 'worker']) {
      for (const c of await containers(service)) {
        const state = JSON.parse(await docker('inspect', '--format', '{{json .State}}', c));
        expect(state.Running, c).toBe(false);
        expect(state.ExitCode, `${c}\n${await containerLogs(c)}`).toBe(0);
      }
    }
  }, 180_000);
});
