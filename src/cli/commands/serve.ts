import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps.js';
import { loadSettings } from '../load.js';

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** `relpack serve`, `start` (what `npm start` runs) and `worker`. */
export function register(program: Command, deps: CliDeps): void {
  const print = (line: string) => deps.stderr.write(`${line}\n`);
  for (const [name, hidden] of [
    ['serve', false],
    ['start', true],
  ] as const) {
    program
      .command(name, { hidden })
      .summary('run the web server and API (migrates the database first)')
      .option('--port <port>', 'port (default $PORT or 8080)')
      .option('--host <host>', 'address to listen on (default $HOST or 0.0.0.0)')
      .action(async (options: { port?: string; host?: string }) => {
        const { serve } = await import('../../runtime/index.js');
        const config = await loadSettings({
          ...process.env,
          ...(options.port ? { PORT: options.port } : {}),
          ...(options.host ? { HOST: options.host } : {}),
        });
        const running = await serve(config, deps.context.version, print, deps.signal);
        await untilAborted(deps.signal);
        print('relpack: shutting down');
        await running.close();
      });
  }
  program
    .command('worker')
    .summary('run pack jobs from Redis (REDIS_URL), on any number of machines')
    .option('--concurrency <n>', 'jobs at once (default $RELPACK_QUEUE_CONCURRENCY or 1)')
    .action(async (options: { concurrency?: string }) => {
      const { work } = await import('../../runtime/index.js');
      const config = await loadSettings({
        ...process.env,
        ...(options.concurrency ? { RELPACK_QUEUE_CONCURRENCY: options.concurrency } : {}),
      });
      const running = await work(config, deps.context.version, print, deps.signal);
      await untilAborted(deps.signal);
      print('relpack worker: finishing running jobs, then stopping (signal again to abort them)');
      await running.close({ force: false });
    });
}
