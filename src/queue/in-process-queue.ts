import PQueue from 'p-queue';
import type { JobQueue, JobRunner } from './job-queue.js';

/** The default: jobs run in this process, `concurrency` at a time, in the order they came. */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private readonly queue: PQueue;
  private readonly queued = new Set<string>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly run: JobRunner,
    concurrency: number,
    private readonly onError: (jobId: string, error: unknown) => void = () => undefined,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  async enqueue(jobId: string): Promise<void> {
    if (this.queued.has(jobId)) return;
    this.queued.add(jobId);
    void this.queue
      .add(async () => {
        if (!this.queued.delete(jobId)) return; // removed while waiting
        await this.run(jobId, this.shutdown.signal);
      })
      .catch((error: unknown) => this.onError(jobId, error));
  }

  async remove(jobId: string): Promise<void> {
    this.queued.delete(jobId);
  }

  /** Aborts running jobs (they end as INTERRUPTED) and waits for them to settle. */
  async close(): Promise<void> {
    this.queued.clear();
    this.queue.clear();
    this.shutdown.abort(new Error('shutdown'));
    await this.queue.onIdle();
  }

  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void> {
    return this.queue.onIdle();
  }
}
