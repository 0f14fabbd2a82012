import type { JobStatus } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const JobErrorCode = {
  JOB_NOT_FOUND: 'JOB_NOT_FOUND',
  /** A short id that starts more than one visible job's id. */
  JOB_ID_AMBIGUOUS: 'JOB_ID_AMBIGUOUS',
  /** The action does not fit the job's status (retry a running job, delete a running job…). */
  JOB_INVALID_STATE: 'JOB_INVALID_STATE',
  /** Stored on a job whose process died while it ran. */
  INTERRUPTED: 'INTERRUPTED',
  /** The release name was produced before: a site refuses it as a dupe. */
  RELEASE_DUPE: 'RELEASE_DUPE',
} as const satisfies Record<string, ErrorCode>;

/** The one table of legal status changes; everything that changes a status goes through it. */
const TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  pending: ['running', 'cancelled'],
  running: ['completed', 'failed', 'cancelled', 'running'],
  completed: [],
  failed: ['pending'],
  cancelled: ['pending'],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses a job may be in to move to `to`. */
export function sourcesOf(to: JobStatus): JobStatus[] {
  return (Object.keys(TRANSITIONS) as JobStatus[]).filter((from) => TRANSITIONS[from].includes(to));
}

export function assertTransition(id: string, from: JobStatus, to: JobStatus, action: string): void {
  if (!canTransition(from, to)) {
    throw new RelpackError(JobErrorCode.JOB_INVALID_STATE, `Cannot ${action} a ${from} job`, {
      id,
      status: from,
      action,
    });
  }
}
