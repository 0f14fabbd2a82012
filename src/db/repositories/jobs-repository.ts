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
  readonly cancelRequestedAt: string | null;
  /** `host:pid` of the process running it. */
  readonly worker: string | null;
}

export interface JobPatch {
  readonly progress?: unknown;
  readonly result?: unknown;
  readonly error?: { code: string; message: string } | null;
  readonly startedAt?: Date | null;
  readonly finishedAt?: Date | null;
  readonly worker?: string | null;
  readonly incrementAttempts?: boolean;
  readonly clearCancel?: boolean;
}

export interface JobListQuery {
  readonly status?: readonly JobStatus[];
  readonly type?: JobType;
  readonly ownerId?: string;
  /** The upload jobs of one pack job. */
  readonly parentJobId?: string;
  /** Matches the title (the release name) anywhere, case-insensitively. */
  readonly search?: string;
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
  /** Newest first (default) or oldest first. */
  readonly order?: 'newest' | 'oldest';
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
  'cancel_requested_at',
  'worker',
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
      cancelRequestedAt: this.v.readIsoTimeOrNull(row.cancel_requested_at),
      worker: row.worker,
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
    parentJobId?: string | null;
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
        parent_job_id: input.parentJobId ?? null,
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

  /**
   * Moves a job from one of `from` to `to` in one conditional UPDATE, so two processes can never
   * both start (or both finish) the same job. False when the job was not in an allowed state.
   */
  async transition(
    id: string,
    from: readonly JobStatus[],
    to: JobStatus,
    now: Date,
    patch: JobPatch = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: to,
        updated_at: this.v.time(now),
        ...this.patchValues(patch),
        ...(patch.incrementAttempts ? { attempts: eb('attempts', '+', 1) } : {}),
      }))
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async update(id: string, now: Date, patch: JobPatch): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ updated_at: this.v.time(now), ...this.patchValues(patch) })
      .where('id', '=', id)
      .execute();
  }

  async requestCancel(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ cancel_requested_at: this.v.time(now) })
      .where('id', '=', id)
      .execute();
  }

  async isCancelRequested(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('jobs')
      .select('cancel_requested_at')
      .where('id', '=', id)
      .executeTakeFirst();
    return Boolean(row?.cancel_requested_at);
  }

  /** Jobs per type and status (metrics). */
  async countsByTypeAndStatus(): Promise<{ type: string; status: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['type', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['type', 'status'])
      .execute();
    return rows.map((r) => ({ type: r.type, status: r.status, count: Number(r.n) }));
  }

  /** Run time of completed jobs, and the result of completed uploads (metrics). */
  async finishedRuns(): Promise<{ type: string; seconds: number; result: unknown }[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['type', 'started_at', 'finished_at', 'result'])
      .where('status', '=', 'completed')
      .where('started_at', 'is not', null)
      .execute();
    return rows.map((r) => ({
      type: r.type,
      seconds:
        (Date.parse(this.v.readIsoTime(r.finished_at)) - Date.parse(this.v.readIsoTime(r.started_at))) / 1000,
      result: r.type === 'upload' && r.result !== null ? this.v.readJson(r.result) : null,
    }));
  }

  async idsWithStatus(status: JobStatus): Promise<string[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', status)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('jobs').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  private patchValues(patch: JobPatch) {
    return {
      ...(patch.progress === undefined
        ? {}
        : { progress: patch.progress === null ? null : this.v.json(patch.progress) }),
      ...(patch.result === undefined
        ? {}
        : { result: patch.result === null ? null : this.v.json(patch.result) }),
      ...(patch.error === undefined
        ? {}
        : {
            error_code: patch.error?.code ?? null,
            error_message: patch.error?.message.slice(0, 10_000) ?? null,
          }),
      ...(patch.startedAt === undefined
        ? {}
        : { started_at: patch.startedAt ? this.v.time(patch.startedAt) : null }),
      ...(patch.finishedAt === undefined
        ? {}
        : { finished_at: patch.finishedAt ? this.v.time(patch.finishedAt) : null }),
      ...(patch.worker === undefined ? {} : { worker: patch.worker }),
      ...(patch.clearCancel ? { cancel_requested_at: null } : {}),
    };
  }

  /** Ids that start with `prefix` (lower-case hex and hyphens), of one owner when given. */
  async idsStartingWith(prefix: string, ownerId: string | undefined, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('jobs').select('id').where('id', 'like', `${prefix}%`);
    if (ownerId) query = query.where('owner_id', '=', ownerId);
    const rows = await query.orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async findById(id: string): Promise<Job | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /** The jobs made from this one (uploads, fixes, repacks), configs included, oldest first. */
  async children(parentId: string, limit = 500): Promise<Job[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('parent_job_id', '=', parentId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(limit)
      .execute();
    return rows.map((row) => this.map(row));
  }

  /** Newest first; `total` counts every match so clients can page. */
  async list(query: JobListQuery): Promise<{ items: Job[]; total: number }> {
    let base = this.db.selectFrom('jobs');
    if (query.status && query.status.length > 0) base = base.where('status', 'in', [...query.status]);
    if (query.type) base = base.where('type', '=', query.type);
    if (query.ownerId) base = base.where('owner_id', '=', query.ownerId);
    if (query.parentJobId) base = base.where('parent_job_id', '=', query.parentJobId);
    if (query.createdFrom) base = base.where('created_at', '>=', this.v.time(query.createdFrom));
    if (query.createdTo) base = base.where('created_at', '<', this.v.time(query.createdTo));
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      // `!` as the escape: SQLite has no default one, and a backslash means different things per dialect.
      base = base.where(sql<boolean>`lower(title) like ${pattern} escape '!'`);
    }
    const [rows, count] = await Promise.all([
      // The config (everything needed to rerun a job) can be large and is not part of a list.
      base
        .select(LIST_COLUMNS)
        .orderBy('created_at', query.order === 'oldest' ? 'asc' : 'desc')
        .orderBy('id', query.order === 'oldest' ? 'asc' : 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => this.map({ ...r, config: 'null' })), total: Number(count.n) };
  }
}
