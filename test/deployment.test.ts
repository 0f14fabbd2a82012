// The deployment files: Compose files that docker-compose accepts (Debian's docker-compose parses
// and validates them without an engine), a Dockerfile the dockerfile-utils linter accepts and that
// keeps the promises of docs/deployment.md, and an .env.example that lists every variable.
import { spawnSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';
import { tempDir } from './helpers/readers.js';
import { hasTool, isCI } from './helpers/tools.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const haveCompose = hasTool('docker-compose') || isCI;
if (!haveCompose)
  console.warn('skipping the Compose checks: docker-compose not installed (apt-get install docker-compose)');

async function composeDir(): Promise<string> {
  const dir = await tempDir('compose');
  for (const f of ['compose.yaml', 'compose.postgres.yaml', 'Dockerfile'])
    await copyFile(join(root, f), join(dir, f));
  await copyFile(join(root, '.env.example'), join(dir, '.env'));
  return dir;
}

function compose(dir: string, files: string[], args: string[]) {
  return spawnSync('docker-compose', [...files.flatMap((f) => ['-f', f]), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
}

describe('deployment files', () => {
  it.runIf(haveCompose)(
    'compose.yaml: app, scalable worker, MariaDB and Redis, valid for docker-compose',
    async () => {
      const dir = await composeDir();
      const quiet = compose(dir, ['compose.yaml'], ['config', '-q']);
      expect(quiet.status, quiet.stderr).toBe(0);
      const services = compose(dir, ['compose.yaml'], ['config', '--services'])
        .stdout.trim()
        .split('\n')
        .sort();
      expect(services).toEqual(['app', 'mariadb', 'redis', 'worker']);
      const full = compose(dir, ['compose.yaml'], ['config']).stdout;
      // Workers start once the app is healthy (it migrated); they share the data volume.
      expect(full).toMatch(/worker:[\s\S]*depends_on:[\s\S]*app:[\s\S]*condition: service_healthy/);
      expect(full).toMatch(/DATABASE_URL: mysql:\/\/relpack:change-me@mariadb:3306\/relpack/);
      expect(full).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
      // Workers scale: no fixed name and no published port.
      const worker = full.split(/\n {2}worker:\n/)[1]!.split(/\n[a-z]/)[0]!;
      expect(worker).not.toMatch(/ports:|container_name:/);
    },
  );

  it.runIf(haveCompose)('compose.postgres.yaml swaps MariaDB for PostgreSQL', async () => {
    const dir = await composeDir();
    const r = compose(dir, ['compose.yaml', 'compose.postgres.yaml'], ['config']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/postgres:\n\s+environment:/);
    const urls = r.stdout.match(/DATABASE_URL: \S+/g) ?? [];
    expect(urls).toEqual([
      'DATABASE_URL: postgres://relpack:change-me@postgres:5432/relpack',
      'DATABASE_URL: postgres://relpack:change-me@postgres:5432/relpack',
    ]);
    expect(r.stdout).toMatch(/mariadb:\n(?:\s+.*\n)*?\s+profiles:\n\s+- mariadb/);
  });

  it('the Dockerfile passes the linter and keeps its promises', async () => {
    const lint = spawnSync(join(root, 'node_modules/.bin/dockerfile-utils'), ['lint', 'Dockerfile'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(lint.status, lint.stdout).toBe(0);
    const text = await readFile(join(root, 'Dockerfile'), 'utf8');
    expect(text.match(/^FROM /gm)).toHaveLength(2);
    // Both stages on the same maintained LTS line.
    expect(text.match(/^FROM node:24-bookworm-slim\b/gm)).toHaveLength(2);
    expect(text).toMatch(/^USER relpack$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n.*\/api\/health/m);
    expect(text).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(text).toMatch(/mkvtoolnix/);
    // No secret baked into the image.
    expect(text).not.toMatch(/RELPACK_SECRET_KEY|JWT_SECRET|PASSWORD/);
    const ignored = await readFile(join(root, '.dockerignore'), 'utf8');
    expect(ignored.split('\n')).toEqual(expect.arrayContaining(['.env', 'node_modules', 'data']));
  });

  it('.env.example and the README list every variable relpack reads', async () => {
    const example = await readFile(join(root, '.env.example'), 'utf8');
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES) {
      expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
