import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger, pino } from 'pino';
import {
  type AppServices,
  configureSharedTemplateSandbox,
  createServices,
  type ServicesOptions,
} from '../app/index.js';
import { type Config, ConfigError } from '../config.js';
import { strayLegacyDataDir } from '../data-dir.js';
import { RelpackError } from '../errors/index.js';
import { InProcessQueue, type JobQueue, loadRedisQueue, type RedisWorker } from '../queue/index.js';

/**
 * - `serve`: the HTTP server's process; migrates, and runs jobs in-process unless Redis is set.
 * - `worker`: takes jobs from Redis (needs REDIS_URL); waits for `serve` to migrate.
 * - `cli`: a local CLI command; migrates, runs the jobs it creates in-process (or sends them to Redis).
 * - `tool`: maintenance commands (`relpack db migrate`): no migration, no recovery, no job taken.
 */
export type RuntimeMode = 'serve' | 'worker' | 'cli' | 'tool';

export interface RuntimeOptions {
  readonly mode: RuntimeMode;
  readonly version: string;
  /** Where start-up lines and runner crashes are told (stdout of `serve`, stderr of the CLI). */
  readonly print?: (line: string) => void;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /** For tests: a fixed clock, a database handle, shorter polls. */
  readonly services?: Omit<ServicesOptions, 'version' | 'queue' | 'logger'>;
}

export interface Runtime {
  readonly services: AppServices;
  readonly queue: JobQueue;
  /** Resolves when no job of this process is queued or running (always at once with Redis). */
  idle(): Promise<void>;
  /** Stops taking jobs (running in-process jobs end as INTERRUPTED), then closes the database. */
  close(options?: { force?: boolean }): Promise<void>;
}

/**
 * The composition root: the one place services, queue and (for workers) the Redis consumer are
 * built, for every process kind. Every in-process mode logs runner crashes and recovers jobs a dead
 * process left `running`; with Redis, BullMQ hands a dead worker's jobs to another.
 */
export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { mode } = options;
  const print = options.print ?? (() => undefined);
  if (mode === 'worker' && !config.redisUrl)
    throw new ConfigError('relpack worker needs REDIS_URL (e.g. redis://127.0.0.1:6379)');
  // A command renders its texts once, before the copy: no render thread is kept beside it.
  if (mode === 'cli' || mode === 'tool') await configureSharedTemplateSandbox({ idleMs: 0 });
  const firstUse = !existsSync(config.dataDir);
  const logger =
    options.logger ?? pino({ level: mode === 'cli' || mode === 'tool' ? 'silent' : config.logLevel });
  const redis = config.redisUrl ? await loadRedisQueue() : null;
  const services = await createServices(config, {
    ...options.services,
    version: options.version,
    logger,
    queue: (runJob) =>
      redis && config.redisUrl
        ? new redis.RedisQueue(config.redisUrl, config.queuePrefix)
        : new InProcessQueue(runJob, config.queueConcurrency, (jobId, error) => {
            logger.error({ err: error, jobId }, 'job runner crashed');
            if (mode === 'cli')
              print(`relpack: the runner of job ${jobId} crashed: ${(error as Error).message}`);
          }),
  });
  const queue = services.queue;
  let worker: RedisWorker | null = null;
  try {
    // A server or worker may start before its database; a CLI command says so at once instead.
    if (mode === 'serve' || mode === 'worker') {
      await waitForDatabase(services, print, mode === 'worker' ? 'schema' : 'reachable', options.signal);
    }
    if (mode === 'serve' || mode === 'cli') {
      const applied = await services.migrate();
      if (applied.length > 0 && mode === 'serve') print(`relpack: applied migrations ${applied.join(', ')}`);
    }
    if (queue.kind === 'in-process' && (mode === 'serve' || mode === 'cli')) {
      const recovered = await services.jobs.recover({ requeue: mode === 'serve' });
      if (recovered.interrupted.length > 0)
        print(`relpack: marked ${recovered.interrupted.length} interrupted job(s) as failed`);
      if (recovered.requeued.length > 0)
        print(`relpack: queued ${recovered.requeued.length} pending job(s) again`);
    }
    if (mode === 'worker' && redis) {
      worker = new redis.RedisWorker(
        config.redisUrl!,
        config.queuePrefix,
        services.runJob,
        config.queueConcurrency,
        config.workerLockMs,
      );
      worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
      await worker.waitUntilReady();
    }
  } catch (error) {
    await worker?.close(true);
    await queue.close();
    await services.close();
    throw error;
  }
  if (mode === 'serve' || mode === 'cli') dataDirNotices(config.dataDir, firstUse, print);
  return {
    services,
    queue,
    idle: () => (queue instanceof InProcessQueue ? queue.idle() : Promise.resolve()),
    async close(closeOptions = {}) {
      await worker?.close(closeOptions.force ?? false);
      await queue.close();
      await services.close();
    },
  };
}

/** Where the data went, said once when the folder is made, and a `./data/` left by 0.1 is named. */
function dataDirNotices(dataDir: string, firstUse: boolean, print: (line: string) => void): void {
  if (firstUse)
    print(
      `relpack: keeping data in ${dataDir} (database, secrets, releases); set RELPACK_DATA_DIR for another`,
    );
  const legacy = strayLegacyDataDir(dataDir);
  if (legacy)
    print(
      `relpack: ${legacy} holds data of an earlier relpack and is not used; keep using it with ` +
        `RELPACK_DATA_DIR=${legacy}, or move it (docs/cli.md "Where data is kept")`,
    );
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
    if (signal?.aborted) throw new RelpackError('ABORTED', 'Stopped while waiting for the database', {});
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
