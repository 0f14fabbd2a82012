import { Queue, Worker } from 'bullmq';
import type { JobQueue, JobRunner } from './job-queue.js';

const QUEUE_NAME = 'pack';

function connection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; ioredis must not give up on them.
    maxRetriesPerRequest: null,
  };
}

/** The producer side on Redis (the server): jobs wait in BullMQ until a `relpack worker` takes them. */
export class RedisQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private readonly queue: Queue;

  constructor(url: string, prefix: string) {
    this.queue = new Queue(QUEUE_NAME, { connection: connection(url), prefix });
  }

  async enqueue(jobId: string): Promise<void> {
    // The relpack job id is the BullMQ id: enqueueing twice is a no-op.
    await this.queue.add(QUEUE_NAME, { jobId }, { jobId, removeOnComplete: 1000, removeOnFail: 1000 });
  }

  async remove(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    await job?.remove().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  /** Jobs waiting or running in Redis (metrics, tests). */
  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }
}

/**
 * A worker: takes jobs from Redis `concurrency` at a time. If a worker dies, BullMQ's stalled-job
 * check hands its jobs to another worker, whose runner restarts them from the stored config.
 */
export class RedisWorker {
  private readonly worker: Worker;
  private readonly shutdown = new AbortController();

  constructor(url: string, prefix: string, run: JobRunner, concurrency: number, lockMs = 30_000) {
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        await run((job.data as { jobId: string }).jobId, this.shutdown.signal);
      },
      {
        connection: connection(url),
        prefix,
        concurrency,
        lockDuration: lockMs,
        stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
        maxStalledCount: 1,
      },
    );
  }

  waitUntilReady(): Promise<unknown> {
    return this.worker.waitUntilReady();
  }

  on(event: 'failed' | 'error', listener: (...args: unknown[]) => void): void {
    if (event === 'failed') this.worker.on('failed', (job, error) => listener(job, error));
    else this.worker.on('error', (error) => listener(error));
  }

  /** Stops taking jobs, lets running ones finish (or aborts them when `force`). */
  async close(force = false): Promise<void> {
    if (force) this.shutdown.abort(new Error('shutdown'));
    await this.worker.close(force);
  }
}
