import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database, JobsTable } from '../schema.js';

export type JobStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type JobType = 'ebook' | 'tv' | 'upload';

export interface Job {
  readonly id: string;
  readonly type: JobType;
  readonly profile: string | null;
  readonly status: JobStatus;
  readonly ownerId: string | null;
  readonly parentJobId: string | null;
  readonly title: string | null;
  readonly config: unknown;
  readonly progress: unknown;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly attempts: number;
  /** ISO-8601 UTC, as the API shows them. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface JobListQuery {
  readonly status?: readonly JobStatus[];
  readonly type?: JobType;
  readonly ownerId?: string;
  /** Matches the title (the release name) anywhere, case-insensitively. */
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

const LIST_COLUMNS = [
  'id',
  'type',
  'profile',
  'status',
  'owner_id',
  'parent_job_id',
  'title',
  'progress',
  'result',
  'error_code',
  'error_message',
  'attempts',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
] as const;

export class JobsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  private map(row: Selectable<JobsTable>): Job {
    return {
      id: row.id,
      type: row.type as JobType,
      profile: row.profile,
      status: row.status as JobStatus,
      ownerId: row.owner_id,
      parentJobId: row.parent_job_id,
      title: row.title,
      config: this.v.readJson(row.config),
      progress: row.progress === null ? null : this.v.readJson(row.progress),
      result: row.result === null ? null : this.v.readJson(row.result),
      error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
      attempts: row.attempts,
      createdAt: this.v.readIsoTime(row.created_at),
      updatedAt: this.v.readIsoTime(row.updated_at),
      startedAt: this.v.readIsoTimeOrNull(row.started_at),
      finishedAt: this.v.readIsoTimeOrNull(row.finished_at),
    };
  }

  async insert(input: {
    type: JobType;
    profile: string | null;
    ownerId: string | null;
    title: string | null;
    config: unknown;
    now: Date;
    id?: string;
    status?: JobStatus;
  }): Promise<Job> {
    const id = input.id ?? randomUUID();
    await this.db
      .insertInto('jobs')
      .values({
        id,
        type: input.type,
        profile: input.profile,
        status: input.status ?? 'pending',
        owner_id: input.ownerId,
        parent_job_id: null,
        title: input.title,
        config: this.v.json(input.config),
        progress: null,
        result: null,
        error_code: null,
        error_message: null,
        attempts: 0,
        created_at: this.v.time(input.now),
        updated_at: this.v.time(input.now),
        started_at: null,
        finished_at: null,
      })
      .execute();
    return (await this.findById(id))!;
  }

  async findById(id: string): Promise<Job | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /** Newest first; `total` counts every match so clients can page. */
  async list(query: JobListQuery): Promise<{ items: Job[]; total: number }> {
    let base = this.db.selectFrom('jobs');
    if (query.status && query.status.length > 0) base = base.where('status', 'in', [...query.status]);
    if (query.type) base = base.where('type', '=', query.type);
    if (query.ownerId) base = base.where('owner_id', '=', query.ownerId);
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      // `!` as the escape: SQLite has no default one, and a backslash means different things per dialect.
      base = base.where(sql<boolean>`lower(title) like ${pattern} escape '!'`);
    }
    const [rows, count] = await Promise.all([
      // The config (everything needed to rerun a job) can be large and is not part of a list.
      base
        .select(LIST_COLUMNS)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.map({ ...r, config: 'null' })), total: Number(count.n) };
  }
}
