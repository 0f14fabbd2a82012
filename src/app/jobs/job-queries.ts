import type { Job, JobListQuery, JobStatus, JobsRepository, JobType, Role } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';

import { JobErrorCode } from './job-state.js';

export interface Viewer {
  readonly userId: string;
  readonly role: Role;
}

/** Reading jobs, with the ownership rule in one place: operators see their own jobs, admins all. */
export class JobQueries {
  constructor(private readonly jobs: JobsRepository) {}

  list(
    viewer: Viewer,
    query: Omit<JobListQuery, 'ownerId'> & { ownerId?: string },
  ): Promise<{ items: Job[]; total: number }> {
    const ownerId = viewer.role === 'admin' ? query.ownerId : viewer.userId;
    return this.jobs.list({ ...query, ...(ownerId ? { ownerId } : {}) });
  }

  async get(viewer: Viewer, id: string): Promise<Job> {
    const job = await this.jobs.findById(id);
    // Someone else's job is "not found" to an operator: ids are not confirmed to exist.
    if (!job || (viewer.role !== 'admin' && job.ownerId !== viewer.userId)) {
      throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${id}`, { id });
    }
    return job;
  }
}

export type { Job, JobStatus, JobType };
