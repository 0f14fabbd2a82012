import type { Job, JobStatus, JobsRepository, JobType, Role } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';

import { type JobDetail, type JobListFilter, type JobPage, toJobDetail, toJobView } from './job-contract.js';
import { JobErrorCode } from './job-state.js';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const SHORT_ID_MIN = 4;
const SHORT_ID = /^[0-9a-f][0-9a-f-]{3,34}$/;
const AMBIGUOUS_SHOWN = 5;

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

  /** The stored job, if this viewer may see it; `ref` is its id or a short id (see resolve). */
  protected async find(viewer: Viewer, ref: string): Promise<Job> {
    const id = await this.resolve(viewer, ref);
    const job = await this.jobs.findById(id);
    // Someone else's job is "not found" to an operator: ids are not confirmed to exist.
    if (!job || (viewer.role !== 'admin' && job.ownerId !== viewer.userId)) {
      throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${ref}`, { id: ref });
    }
    return job;
  }

  /**
   * The full id of a job named as people name it: the id, or (as git does with commits) its first
   * characters when they start only one of the jobs this viewer may see, like the 8 the web shows.
   */
  async resolve(viewer: Viewer, ref: string): Promise<string> {
    const key = ref.trim().toLowerCase();
    if (FULL_ID.test(key)) return key;
    if (!SHORT_ID.test(key))
      throw new RelpackError(
        JobErrorCode.JOB_NOT_FOUND,
        `No job ${ref}: a job id is a UUID, or its first ${SHORT_ID_MIN} or more characters`,
        { id: ref },
      );
    const owner = viewer.role === 'admin' ? undefined : viewer.userId;
    const ids = await this.jobs.idsStartingWith(key, owner, AMBIGUOUS_SHOWN + 1);
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 0) throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${ref}`, { id: ref });
    const many = ids.length > AMBIGUOUS_SHOWN ? `more than ${AMBIGUOUS_SHOWN}` : String(ids.length);
    throw new RelpackError(
      JobErrorCode.JOB_ID_AMBIGUOUS,
      `Job id ${ref} starts ${many} jobs (${ids.slice(0, AMBIGUOUS_SHOWN).join(', ')}): give more characters`,
      { id: ref, matches: ids.slice(0, AMBIGUOUS_SHOWN) },
    );
  }
}

export type { Job, JobStatus, JobType };
