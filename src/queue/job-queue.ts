/** Where pack jobs wait to run. The database stays the source of truth for status and results. */
export interface JobQueue {
  readonly kind: 'in-process' | 'redis';
  enqueue(jobId: string): Promise<void>;
  /** Drops a job that has not started yet (best effort: the runner re-checks the status anyway). */
  remove(jobId: string): Promise<void>;
  close(): Promise<void>;
}

/** Runs one job; resolves with its final status. `signal` aborts on shutdown. */
export type JobRunner = (jobId: string, signal: AbortSignal) => Promise<string>;
