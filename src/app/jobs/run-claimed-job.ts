import type { Logger } from 'pino';
import type { Job, Repositories } from '../../db/index.js';
import { isRelpackError } from '../../engine/index.js';
import type { JobEvents } from './job-events.js';
import { JobLogger } from './job-logger.js';
import { JobErrorCode } from './job-state.js';

export interface JobRunDeps {
  readonly repos: Repositories;
  readonly events: JobEvents;
  readonly logger: Logger;
  readonly clock: () => Date;
  /** `host:pid`, recorded on the job. */
  readonly workerName: string;
}

export interface RunOptions {
  /** Aborted when the process shuts down. */
  readonly signal?: AbortSignal;
  /** How often a running job checks whether someone asked to cancel it (ms). */
  readonly cancelPollMs?: number;
}

/** Phase and bytes, plus whatever a job kind adds (current file, speed…). */
export interface JobProgress {
  readonly phase: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface JobContext {
  readonly job: Job;
  readonly log: JobLogger;
  /** Aborted on cancel or shutdown. */
  readonly signal: AbortSignal;
  /** Throttled to two database writes a second; every phase change is logged. */
  progress<P extends JobProgress>(p: P): void;
}

export interface JobOutcome {
  readonly result: unknown;
  readonly progress: JobProgress;
}

const PROGRESS_WRITE_MS = 500;

/**
 * What every job kind shares: claim it (pending → running in one conditional UPDATE, so two
 * workers never both run it), poll for cancellation, throttle progress, log to pino and
 * `job_logs`, and end it completed, cancelled or failed with a coded error. `cleanup` runs on
 * failure and cancellation (a pack removes its partial output there).
 */
export async function runClaimedJob(
  deps: JobRunDeps,
  jobId: string,
  options: RunOptions,
  body: (ctx: JobContext) => Promise<JobOutcome>,
  cleanup: () => Promise<void> = async () => undefined,
): Promise<string> {
  const { repos, events, clock } = deps;
  const job = await repos.jobs.findById(jobId);
  if (!job) return 'missing';
  // `running` again means a worker died with it and the queue handed it over: start afresh.
  const claimed = await repos.jobs.transition(jobId, ['pending', 'running'], 'running', clock(), {
    startedAt: clock(),
    finishedAt: null,
    worker: deps.workerName,
    error: null,
    result: null,
    progress: { phase: 'starting', bytesDone: 0, bytesTotal: 0 },
    ...(job.status === 'running' ? { incrementAttempts: true } : {}),
  });
  if (!claimed) return job.status;
  events.emit(jobId, { type: 'status', status: 'running' });
  const log = new JobLogger(deps.logger, jobId, repos.jobLogs, events, clock);
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error('shutdown'));
  options.signal?.addEventListener('abort', onShutdown, { once: true });
  let cancelled = false;
  const poll = setInterval(() => {
    repos.jobs
      .isCancelRequested(jobId)
      .then((requested) => {
        if (requested && !controller.signal.aborted) {
          cancelled = true;
          controller.abort(new Error('cancelled'));
        }
      })
      .catch(() => undefined);
  }, options.cancelPollMs ?? 1000);
  let lastWrite = 0;
  let lastPhase = '';
  const progress = (p: JobProgress) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_MS && p.phase === lastPhase) return;
    lastWrite = now;
    if (p.phase !== lastPhase) log.info(`phase ${p.phase}`, { phase: p.phase });
    lastPhase = p.phase;
    events.emit(jobId, { type: 'progress', progress: p });
    void repos.jobs.update(jobId, clock(), { progress: p }).catch(() => undefined);
  };
  try {
    if (await repos.jobs.isCancelRequested(jobId)) {
      cancelled = true;
      throw new Error('cancelled before start');
    }
    const outcome = await body({ job, log, signal: controller.signal, progress });
    await log.flush();
    await repos.jobs.transition(jobId, ['running'], 'completed', clock(), {
      finishedAt: clock(),
      progress: outcome.progress,
      result: outcome.result,
    });
    events.emit(jobId, { type: 'status', status: 'completed' });
    return 'completed';
  } catch (error) {
    await cleanup().catch(() => undefined);
    if (cancelled) {
      log.info('cancelled; partial output removed');
      await log.flush();
      await repos.jobs.transition(jobId, ['running'], 'cancelled', clock(), { finishedAt: clock() });
      events.emit(jobId, { type: 'status', status: 'cancelled' });
      return 'cancelled';
    }
    const shutdown = options.signal?.aborted === true;
    const code = shutdown ? JobErrorCode.INTERRUPTED : isRelpackError(error) ? error.code : 'INTERNAL_ERROR';
    const message = shutdown ? 'The process running this job stopped' : (error as Error).message;
    log.error(message, {
      code,
      ...(isRelpackError(error) && error.details ? { details: error.details } : {}),
    });
    await log.flush();
    await repos.jobs.transition(jobId, ['running'], 'failed', clock(), {
      finishedAt: clock(),
      error: { code, message },
      ...(isRelpackError(error) && 'findings' in error.details
        ? { result: { findings: error.details.findings } }
        : {}),
    });
    events.emit(jobId, { type: 'status', status: 'failed' });
    return 'failed';
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onShutdown);
  }
}
