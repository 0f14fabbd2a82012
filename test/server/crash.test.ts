// kill -9 the server mid-pack, start it again: the job is failed as INTERRUPTED, nothing of the
// partial release is left, and a new job runs fine.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ebookConfig, makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { freePort } from '../helpers/net.js';
import { tempDir } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

describe.runIf(shouldRunWith('mkvmerge'))('crash recovery', () => {
  it('fails a job whose server was killed as INTERRUPTED and removes its partial output', async () => {
    const dataDir = await tempDir('crash');
    const roots = await tempDir('crash-src');
    const sources = await makeSources(roots, { largeBytes: 4_000_000_000 });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env,
      RELPACK_DATA_DIR: dataDir,
      RELPACK_SOURCE_ROOTS: roots,
      RELPACK_ADMIN_PASSWORD: 'crash-password',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    const start = async (): Promise<ChildProcess> => {
      const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      await until(
        () =>
          fetch(`${base}/api/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        20_000,
      );
      return child;
    };
    const api = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return res.json() as Promise<Record<string, unknown>>;
    };
    const login = async () =>
      (
        (await (
          await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: 'crash-password' }),
          })
        ).json()) as { accessToken: string }
      ).accessToken;

    let server = await start();
    let token = await login();
    const job = (await api(token, 'POST', '/api/jobs', tvConfig(sources.large))) as unknown as { id: string };
    await until(
      () =>
        api(token, 'GET', `/api/jobs/${job.id}`) as Promise<{
          status: string;
          progress: { bytesDone?: number } | null;
        }>,
      (j) => j.status === 'running' && (j.progress?.bytesDone ?? 0) > 100_000_000,
      60_000,
    );
    // the staging directory exists mid-run
    const jobDir = join(dataDir, 'releases', job.id);
    expect((await readdir(jobDir)).some((n) => n.startsWith('.Big.Show'))).toBe(true);
    server.kill('SIGKILL');
    await once(server, 'exit');

    server = await start();
    try {
      token = await login();
      const after = (await api(token, 'GET', `/api/jobs/${job.id}`)) as {
        status: string;
        error: { code: string };
      };
      expect(after.status).toBe('failed');
      expect(after.error.code).toBe('INTERRUPTED');
      await expect(readdir(jobDir)).rejects.toThrow(); // partial output removed
      const next = (await api(token, 'POST', '/api/jobs', ebookConfig(sources.epub))) as unknown as {
        id: string;
      };
      const done = await until(
        () => api(token, 'GET', `/api/jobs/${next.id}`) as Promise<{ status: string }>,
        (j) => j.status === 'completed' || j.status === 'failed',
        30_000,
      );
      expect(done.status).toBe('completed');
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  }, 120_000);
});
