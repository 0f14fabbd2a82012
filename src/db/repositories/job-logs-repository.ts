import type { Kysely } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface JobLogLine {
  readonly id: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Record<string, unknown> | null;
  readonly at: string;
}

export class JobLogsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async insertMany(
    jobId: string,
    lines: readonly { level: LogLevel; message: string; fields: Record<string, unknown> | null; at: Date }[],
  ): Promise<void> {
    if (lines.length === 0) return;
    await this.db
      .insertInto('job_logs')
      .values(
        lines.map((l) => ({
          job_id: jobId,
          level: l.level,
          message: l.message.slice(0, 20_000),
          fields: l.fields ? this.v.json(l.fields) : null,
          created_at: this.v.time(l.at),
        })),
      )
      .execute();
  }

  /** In id order; `afterId` pages forward (and lets a live stream pick up new lines). */
  async list(
    jobId: string,
    options: { afterId?: number; levels?: readonly LogLevel[]; limit: number },
  ): Promise<JobLogLine[]> {
    let q = this.db.selectFrom('job_logs').selectAll().where('job_id', '=', jobId);
    if (options.afterId !== undefined) q = q.where('id', '>', options.afterId);
    if (options.levels) q = q.where('level', 'in', [...options.levels]);
    const rows = await q.orderBy('id').limit(options.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      level: r.level as LogLevel,
      message: r.message,
      fields: r.fields === null ? null : this.v.readJson<Record<string, unknown>>(r.fields),
      at: this.v.readIsoTime(r.created_at),
    }));
  }

  async deleteForJob(jobId: string): Promise<void> {
    await this.db.deleteFrom('job_logs').where('job_id', '=', jobId).execute();
  }
}
