import { type AppServices, createServices } from '../app/index.js';
import { bootstrapAdmin } from '../app/users/bootstrap-admin.js';
import { type Config, ConfigError } from '../config.js';
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
): Promise<Runtime> {
  const services = await createServices(config, { version });
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
export async function serve(config: Config, version: string, print: (line: string) => void) {
  const runtime = await startRuntime(config, version, print);
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
  return {
    runtime,
    app,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/** `relpack worker`: takes jobs from Redis until stopped. */
export async function work(config: Config, version: string, print: (line: string) => void) {
  if (!config.redisUrl) throw new ConfigError('relpack worker needs REDIS_URL (e.g. redis://127.0.0.1:6379)');
  const services = await createServices(config, { version });
  await services.migrate();
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
