import { type Kysely, sql } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

export type ReleaseKind = 'pack' | 'fix' | 'repack' | 'proper';

export interface ReleaseName {
  readonly name: string;
  readonly kind: ReleaseKind;
  readonly jobId: string | null;
  readonly userId: string | null;
  readonly createdAt: string;
}

/** The release names relpack has produced: one row per name, whatever its case. */
export class ReleaseNamesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async find(name: string): Promise<ReleaseName | null> {
    const row = await this.db
      .selectFrom('release_names')
      .selectAll()
      .where('name_key', '=', name.toLowerCase())
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /**
   * Records the name for this job unless it is recorded already. Returns the row that holds the
   * name afterwards: this job's, or the earlier one that makes it a dupe. The primary key decides
   * between two jobs claiming one name at once.
   */
  async claim(entry: Omit<ReleaseName, 'createdAt'>, now: Date): Promise<ReleaseName> {
    const existing = await this.find(entry.name);
    if (existing) return existing;
    try {
      await this.db
        .insertInto('release_names')
        .values({
          name_key: entry.name.toLowerCase(),
          name: entry.name,
          kind: entry.kind,
          job_id: entry.jobId,
          user_id: entry.userId,
          created_at: this.v.time(now),
        })
        .execute();
    } catch (error) {
      const winner = await this.find(entry.name);
      if (winner) return winner;
      throw error;
    }
    return { ...entry, createdAt: now.toISOString() };
  }

  /** Gives back a name a job claimed and did not publish (it failed or was cancelled). */
  async release(name: string, jobId: string): Promise<void> {
    await this.db
      .deleteFrom('release_names')
      .where('name_key', '=', name.toLowerCase())
      .where('job_id', '=', jobId)
      .execute();
  }

  /** Gives back every name a job holds (its process died, or the job is deleted unpublished). */
  async releaseJob(jobId: string): Promise<void> {
    await this.db.deleteFrom('release_names').where('job_id', '=', jobId).execute();
  }

  /** Newest first, optionally only names containing `search` (any case). */
  async list(query: {
    search?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: ReleaseName[]; total: number }> {
    let base = this.db.selectFrom('release_names');
    if (query.search) {
      const pattern = `%${query.search.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
      // `!` as the escape, as the jobs search does: a backslash means different things per dialect.
      base = base.where(sql<boolean>`name_key like ${pattern} escape '!'`);
    }
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('name_key', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const total = await base
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: rows.map((r) => this.map(r)), total: Number(total.n) };
  }

  private map(row: {
    name: string;
    kind: string;
    job_id: string | null;
    user_id: string | null;
    created_at: Date | string;
  }): ReleaseName {
    return {
      name: row.name,
      kind: row.kind as ReleaseKind,
      jobId: row.job_id,
      userId: row.user_id,
      createdAt: this.v.readIsoTime(row.created_at),
    };
  }
}
