import { bootstrapNotice } from '../app/index.js';
import type { Config } from '../config.js';
import { openRuntime, type Runtime } from './open-runtime.js';

const SWEEP_EVERY_MS = 3_600_000;

/** `relpack serve` / `npm start`: the runtime, the first admin, the HTTP server and the storage sweeper. */
export async function serve(
  config: Config,
  version: string,
  print: (line: string) => void,
  signal?: AbortSignal,
) {
  const runtime = await openRuntime(config, { mode: 'serve', version, print, ...(signal ? { signal } : {}) });
  const { services } = runtime;
  // The HTTP server (Fastify and its plugins) is loaded by this process kind alone.
  const { checkListenable, startServer } = await import('../server/index.js');
  try {
    // A port in use fails before a first admin is made and its one-time password printed for a
    // server that never ran; the admin exists before /api/ready first answers.
    await checkListenable(config.host, config.port);
    const notice = bootstrapNotice(await services.bootstrapAdmin());
    if (notice) print(notice);
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const app = await startServer(services, print).catch(async (error) => {
    await runtime.close();
    throw error;
  });
  const sweep = () =>
    services
      .sweepStorage()
      .then((r) => {
        if (r.uploadsRemoved + r.downloadsRemoved > 0)
          print(
            `relpack: removed ${r.uploadsRemoved} old upload(s) and ${r.downloadsRemoved} old download(s)`,
          );
      })
      .catch((error) => services.logger.error({ err: error }, 'storage sweep failed'));
  await sweep();
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  sweeper.unref();
  return {
    runtime,
    app,
    async close() {
      clearInterval(sweeper);
      await app.close();
      await runtime.close();
    },
  };
}

/** `relpack worker`: takes jobs from Redis until stopped. */
export async function work(
  config: Config,
  version: string,
  print: (line: string) => void,
  signal?: AbortSignal,
): Promise<Runtime> {
  const runtime = await openRuntime(config, {
    mode: 'worker',
    version,
    print,
    ...(signal ? { signal } : {}),
  });
  print(
    `relpack worker ${process.pid} taking jobs from ${new URL(config.redisUrl!).host} (concurrency ${config.queueConcurrency})`,
  );
  return runtime;
}
