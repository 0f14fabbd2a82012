import { setTimeout as sleep } from 'node:timers/promises';
import { type AppServices, createServices } from '../app/index.js';
import { bootstrapAdmin } from '../app/users/bootstrap-admin.js';
import { type Config, ConfigError } from '../config.js';
import { RelpackError } from '../engine/index.js';
import { InProcessQueue, type JobQueue, RedisQueue, RedisWorker } from '../queue/index.js';
import { startServer } from '../server/index.js';

export interface Runtime {
  readonly services: AppServices;
  readonly queue: JobQueue;
  close(): Promise<void>;
}

/**
 * The composition root: services, then the queue. Without REDIS_URL jobs run in this process
 * and jobs a dead process left `running` are failed as INTERRUPTED; with Redis they wait for
 * `relpack worker` processes, and BullMQ hands a dead worker's jobs to another.
 */
export async function startRuntime(
  config: Config,
  version: string,
  print: (line: string) => void,
  signal?: AbortSignal,
): Promise<Runtime> {
  const services = await createServices(config, { version });
  await waitForDatabase(services, print, 'reachable', signal);
  const applied = await services.migrate();
  if (applied.length > 0) print(`relpack: applied migrations ${applied.join(', ')}`);
  const queue: JobQueue = config.redisUrl
    ? new RedisQueue(config.redisUrl, config.queuePrefix)
    : new InProcessQueue(services.runJob, config.queueConcurrency, (jobId, error) =>
        services.logger.error({ err: error, jobId }, 'job runner crashed'),
      );
  services.jobs.attachQueue(queue);
  if (queue.kind === 'in-process') {
    const recovered = await services.jobs.recover();
    if (recovered.interrupted.length > 0)
      print(`relpack: marked ${recovered.interrupted.length} interrupted job(s) as failed`);
    if (recovered.requeued.length > 0)
      print(`relpack: queued ${recovered.requeued.length} pending job(s) again`);
  }
  return {
    services,
    queue,
    async close() {
      await queue.close();
      await services.close();
    },
  };
}

/** `relpack serve` / `npm start`: the runtime, the first admin, and the HTTP server. */
export async function serve(
  config: Config,
  version: string,
  print: (line: string) => void,
  signal?: AbortSignal,
) {
  const runtime = await startRuntime(config, version, print, signal);
  const admin = await bootstrapAdmin(runtime.services);
  if (admin.generatedPassword) {
    print(
      `relpack: created user "admin" with password ${admin.generatedPassword}\n` +
        '         it is shown only now; sign in and change it (or set RELPACK_ADMIN_PASSWORD before the first start)',
    );
  } else if (admin.created) {
    print('relpack: created user "admin" with the password from RELPACK_ADMIN_PASSWORD');
  }
  const app = await startServer(runtime.services, print);
  const sweep = () =>
    runtime.services
      .sweepStorage()
      .then((r) => {
        if (r.uploadsRemoved + r.downloadsRemoved > 0)
          print(
            `relpack: removed ${r.uploadsRemoved} old upload(s) and ${r.downloadsRemoved} old download(s)`,
          );
      })
      .catch((error) => runtime.services.logger.error({ err: error }, 'storage sweep failed'));
  await sweep();
  const sweeper = setInterval(() => void sweep(), 3_600_000);
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

/**
 * Waits until the database answers (a container started next to its database comes up first) and,
 * for workers, until its schema is current: workers never migrate, `relpack serve` (or
 * `relpack db migrate`) does it once.
 */
async function waitForDatabase(
  services: AppServices,
  print: (line: string) => void,
  needs: 'reachable' | 'schema',
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + DATABASE_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) {
      await services.close();
      throw new RelpackError('ABORTED', 'Stopped while waiting for the database', {});
    }
    const report = await services.readiness();
    if (report.database.reachable && (needs === 'reachable' || report.ready)) return;
    if (needs === 'reachable' && Date.now() > deadline) {
      throw new ConfigError(
        `The database (${services.dialect}) did not answer for ${DATABASE_WAIT_MS / 1000} s: check DATABASE_URL and that the server runs`,
      );
    }
    if (attempt % 20 === 0) {
      print(
        report.database.reachable
          ? `relpack: waiting for relpack serve (or relpack db migrate) to apply ${report.database.pendingMigrations.join(', ')}`
          : `relpack: waiting for the database (${services.dialect}) to answer`,
      );
    }
    await sleep(500, undefined, signal ? { signal } : undefined).catch(() => undefined);
  }
}

const DATABASE_WAIT_MS = 120_000;

/** `relpack worker`: takes jobs from Redis until stopped. */
export async function work(
  config: Config,
  version: string,
  print: (line: string) => void,
  signal?: AbortSignal,
) {
  if (!config.redisUrl) throw new ConfigError('relpack worker needs REDIS_URL (e.g. redis://127.0.0.1:6379)');
  const services = await createServices(config, { version });
  await waitForDatabase(services, print, 'schema', signal);
  const worker = new RedisWorker(
    config.redisUrl,
    config.queuePrefix,
    services.runJob,
    config.queueConcurrency,
    config.workerLockMs,
  );
  worker.on('error', (error) => services.logger.error({ err: error }, 'worker error'));
  await worker.waitUntilReady();
  print(
    `relpack worker ${process.pid} taking jobs from ${new URL(config.redisUrl).host} (concurrency ${config.queueConcurrency})`,
  );
  return {
    services,
    async close(force = false) {
      await worker.close(force);
      await services.close();
    },
  };
}
