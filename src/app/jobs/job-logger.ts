import type { Logger } from 'pino';
import type { JobLogsRepository, LogLevel } from '../../db/index.js';
import type { JobEvents } from './job-events.js';

/**
 * A job's logger: a pino child (job id bound) whose lines are also stored in `job_logs`,
 * batched so a chatty pack costs one INSERT per flush, not one per line.
 */
export class JobLogger {
  private pending: { level: LogLevel; message: string; fields: Record<string, unknown> | null; at: Date }[] =
    [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly pino: Logger;

  constructor(
    base: Logger,
    private readonly jobId: string,
    private readonly repo: JobLogsRepository,
    private readonly events: JobEvents,
    private readonly clock: () => Date,
  ) {
    this.pino = base.child({ jobId });
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields);
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>): void {
    this.log('error', message, fields);
  }

  private log(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    this.pino[level as 'info'](fields ?? {}, message);
    this.pending.push({ level, message, fields: fields ?? null, at: this.clock() });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, 200);
  }

  /** Writes what is buffered; resolves when every line so far is stored. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing
      .then(async () => {
        if (batch.length === 0) return;
        await this.repo.insertMany(this.jobId, batch);
        this.events.emit(this.jobId, { type: 'log' });
      })
      .catch((error: unknown) => this.pino.error({ err: error }, 'could not store job log lines'));
    return this.writing;
  }
}
