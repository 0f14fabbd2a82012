import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startServer } from '../../server/index.js';
import type { CliDeps } from '../cli-deps.js';

async function serve(deps: CliDeps, options: { port?: string; host?: string }): Promise<void> {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const { app } = await startServer(config, deps.context.version, (line) => deps.stderr.write(`${line}\n`));
  await new Promise<void>((resolve) => {
    if (deps.signal.aborted) resolve();
    deps.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  deps.stderr.write('relpack: shutting down\n');
  await app.close();
}

/** `relpack serve`, and `start` (what `npm start` runs): migrate, bootstrap the admin, serve the API. */
export function register(program: Command, deps: CliDeps): void {
  for (const [name, hidden] of [
    ['serve', false],
    ['start', true],
  ] as const) {
    program
      .command(name, { hidden })
      .summary('run the web server and API (migrates the database first)')
      .option('--port <port>', 'port (default $PORT or 8080)')
      .option('--host <host>', 'address to listen on (default $HOST or 0.0.0.0)')
      .action((options: { port?: string; host?: string }) => serve(deps, options));
  }
}
