import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { until } from './job-fixtures.js';
import { freePort } from './net.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

/** The built `relpack serve` as a child process on a free port, once /api/ready answers 200. */
export async function spawnServe(
  env: NodeJS.ProcessEnv,
  options: { stderr?: 'pipe' | 'ignore'; readyMs?: number } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', options.stderr ?? 'ignore'],
  });
  const ready = () =>
    fetch(`${url}/api/ready`).then(
      (r) => r.status,
      () => 0,
    );
  await until(ready, (status) => status === 200, options.readyMs ?? 60_000);
  return { child, url };
}
