import { z } from 'zod';
import type { JobStatus } from '../../db/index.js';
import {
  isTerminal,
  JobProgressSchema,
  JobStatusSchema,
  type JobView,
  JobViewSchema,
  LogLineSchema,
  type LogLineView,
} from './job-contract.js';
import type { JobEvents } from './job-events.js';
import type { Viewer } from './job-queries.js';

/** What following a job yields: the event stream (`GET /api/jobs/:id/events`), the CLI and the web. */
export type JobStreamEvent =
  | { readonly type: 'snapshot'; readonly job: JobView }
  | { readonly type: 'log'; readonly line: LogLineView }
  | { readonly type: 'progress'; readonly progress: JobView['progress'] }
  | { readonly type: 'status'; readonly status: JobStatus }
  | { readonly type: 'end'; readonly job: JobView };

/** The data of each Server-Sent Event, by event name (documented in OpenAPI and docs/api.md). */
export const JobStreamDataSchemas = {
  snapshot: JobViewSchema,
  log: LogLineSchema,
  progress: JobProgressSchema.nullable(),
  status: z.object({ status: JobStatusSchema }),
  end: JobViewSchema,
} as const;

export interface FollowSource {
  readonly events: JobEvents;
  job(viewer: Viewer, id: string): Promise<JobView>;
  logs(viewer: Viewer, id: string, afterId: number, limit: number): Promise<LogLineView[]>;
}

export interface FollowOptions {
  /** Ends the stream early (the client went away, Ctrl-C). */
  readonly signal?: AbortSignal;
  /**
   * Checked before each round: the viewer as the database sees them now. A viewer signed out,
   * disabled, demoted or deleted meanwhile ends the stream with that error.
   */
  readonly revalidate?: (viewer: Viewer) => Promise<Viewer>;
  /** How often the database is read when nothing in this process woke us (jobs run by workers). */
  readonly pollMs?: number;
  /** Log lines too (the default); off for callers that only draw progress. */
  readonly logs?: boolean;
}

/**
 * Follows a job until it ends: a snapshot, then its log lines, progress and status changes in
 * order, and the final job. Woken at once by this process's events; the poll covers jobs that
 * run in other processes, so the database stays the source of truth.
 */
export async function* followJob(
  source: FollowSource,
  viewer: Viewer,
  id: string,
  options: FollowOptions = {},
): AsyncGenerator<JobStreamEvent, void, undefined> {
  const { signal, pollMs = 500, logs = true } = options;
  let job = await source.job(viewer, id);
  yield { type: 'snapshot', job };
  let lastLog = 0;
  let lastProgress = JSON.stringify(job.progress);
  let lastStatus = job.status;
  // An event between our reads and the wait is remembered, so no change waits for the poll.
  let woken = false;
  let wake: () => void = () => {
    woken = true;
  };
  const unsubscribe = source.events.on(id, () => wake());
  const onAbort = () => wake();
  signal?.addEventListener('abort', onAbort);
  try {
    while (!signal?.aborted) {
      woken = false;
      if (options.revalidate) viewer = await options.revalidate(viewer);
      if (logs) {
        for (const line of await source.logs(viewer, id, lastLog, 500)) {
          yield { type: 'log', line };
          lastLog = line.id;
        }
      }
      job = await source.job(viewer, id);
      const progress = JSON.stringify(job.progress);
      if (progress !== lastProgress) {
        lastProgress = progress;
        yield { type: 'progress', progress: job.progress };
      }
      if (job.status !== lastStatus) {
        lastStatus = job.status;
        yield { type: 'status', status: job.status };
      }
      if (isTerminal(job.status)) {
        if (logs) {
          for (const line of await source.logs(viewer, id, lastLog, 1000)) yield { type: 'log', line };
        }
        yield { type: 'end', job };
        return;
      }
      await new Promise<void>((resolve) => {
        if (woken || signal?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          wake = () => {
            woken = true;
          };
          resolve();
        };
        const timer = setTimeout(done, pollMs);
        wake = done;
      });
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}
