import type { Job, JobStatus, JobsRepository, JobType, Role } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';

import { type JobDetail, type JobListFilter, type JobPage, toJobDetail, toJobView } from './job-contract.js';
import { JobErrorCode } from './job-state.js';

export interface Viewer {
  readonly userId: string;
  readonly role: Role;
}

/** Reading jobs, with the ownership rule in one place: operators see their own jobs, admins all. */
export class JobQueries {
  constructor(private readonly jobs: JobsRepository) {}

  /** A page of jobs as the adapters show them (`GET /api/jobs`, `relpack jobs list`). */
  async list(viewer: Viewer, query: JobListFilter): Promise<JobPage> {
    const { status, type, owner, parent, q, from, to, order, limit, offset } = query;
    const ownerId = viewer.role === 'admin' ? owner : viewer.userId;
    const page = await this.jobs.list({
      status,
      limit,
      offset,
      order,
      ...(type ? { type } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(parent ? { parentJobId: parent } : {}),
      ...(q ? { search: q } : {}),
      ...(from ? { createdFrom: new Date(from) } : {}),
      ...(to ? { createdTo: new Date(to) } : {}),
    });
    return { items: page.items.map(toJobView), total: page.total, limit, offset };
  }

  /** One job with its config. */
  async get(viewer: Viewer, id: string): Promise<JobDetail> {
    return toJobDetail(await this.find(viewer, id));
  }

  /** The stored job, if this viewer may see it. */
  protected async find(viewer: Viewer, id: string): Promise<Job> {
    const job = await this.jobs.findById(id);
    // Someone else's job is "not found" to an operator: ids are not confirmed to exist.
    if (!job || (viewer.role !== 'admin' && job.ownerId !== viewer.userId)) {
      throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${id}`, { id });
    }
    return job;
  }
}

export type { Job, JobStatus, JobType };
