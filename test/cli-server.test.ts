// The built CLI runs the server (what `npm start` runs), migrates, and creates users for scripts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from './helpers/net.js';
import { tempDir } from './helpers/readers.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));

async function waitFor(url: string, child: ChildProcess): Promise<Response> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no answer from ${url}`);
}

describe('relpack start / db migrate / admin create', () => {
  it('starts on embedded defaults, prints the generated admin password once, serves, and stops on SIGTERM', async () => {
    const dataDir = await tempDir('start');
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'start'], {
      env: {
        ...process.env,
        RELPACK_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      const health = await waitFor(`http://127.0.0.1:${port}/api/health`, child);
      expect(health.status).toBe(200);
      expect(
        ((await (await fetch(`http://127.0.0.1:${port}/api/ready`)).json()) as { ready: boolean }).ready,
      ).toBe(true);
      const password = /created user "admin" with password (\S+)/.exec(stderr)?.[1];
      expect(password).toBeDefined();
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(/relpack_refresh=.*HttpOnly/i);
      // issue #18: the database (password hashes, sealed secrets) is readable by its owner only
      for (const file of ['relpack.sqlite', 'relpack.sqlite-wal', 'secrets.json']) {
        const mode = (await stat(join(dataDir, file))).mode & 0o777;
        expect(mode.toString(8), file).toBe('600');
      }
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
    // a second start reuses the database and secrets, and prints no new password
    const again = spawnSync(process.execPath, [bin, 'db', 'migrate', '--json'], {
      env: { ...process.env, RELPACK_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ dialect: 'sqlite', applied: [] });
  });

  it('issue #25: a port in use is a usage error with the fix, before any admin or password exists', async () => {
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const { port } = taken.address() as AddressInfo;
    const dataDir = await tempDir('port-taken');
    try {
      const run = spawnSync(process.execPath, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, RELPACK_DATA_DIR: dataDir, RELPACK_ADMIN_PASSWORD: '', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toContain(`port ${port} is in use on 127.0.0.1: set PORT or --port`);
      expect(run.stderr).not.toContain('created user');
      expect(run.stderr).not.toContain('internal error');
    } finally {
      taken.close();
    }
    // No admin was made: acting as `admin` finds no such user (the first start that listens makes it).
    const asAdmin = spawnSync(process.execPath, [bin, 'jobs', 'list'], {
      env: { ...process.env, RELPACK_DATA_DIR: dataDir, RELPACK_USER: 'admin' },
      encoding: 'utf8',
    });
    expect(asAdmin.stderr).toContain('USER_NOT_FOUND');
  });

  it('creates users from scripts, reading the password from stdin', async () => {
    const dataDir = await tempDir('admin');
    const env = { ...process.env, RELPACK_DATA_DIR: dataDir };
    const created = spawnSync(
      process.execPath,
      [bin, 'admin', 'create', '-u', 'ops', '-r', 'operator', '--password-stdin', '--json'],
      {
        env,
        input: 'a-long-password\n',
        encoding: 'utf8',
      },
    );
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'ops', role: 'operator' });
    const dup = spawnSync(process.execPath, [bin, 'admin', 'create', '-u', 'ops'], { env, encoding: 'utf8' });
    expect(dup.status).toBe(2);
    expect(dup.stderr).toContain('USERNAME_TAKEN');
  });

  it('refuses to start in production without secrets, with exit code 2', async () => {
    // empty variables count as unset
    const run = spawnSync(process.execPath, [bin, 'serve', '--port', '0'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        RELPACK_DATA_DIR: await tempDir('prod'),
        RELPACK_SECRET_KEY: '',
        JWT_SECRET: '',
      },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CONFIG_INVALID');
    expect(run.stderr).toContain('RELPACK_SECRET_KEY and JWT_SECRET must be set in production');
  });
});
