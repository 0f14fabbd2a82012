import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

export interface Artifact {
  readonly id: string;
  readonly jobId: string;
  readonly kind: string;
  /** Relative to the job's output directory, `/` separated. */
  readonly path: string;
  readonly size: number;
  readonly crc32: string;
  readonly createdAt: string;
}

export class ArtifactsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async insertMany(
    jobId: string,
    files: readonly { kind: string; path: string; size: number; crc32: string }[],
    now: Date,
  ): Promise<void> {
    if (files.length === 0) return;
    await this.db
      .insertInto('artifacts')
      .values(
        files.map((f) => ({
          id: randomUUID(),
          job_id: jobId,
          kind: f.kind,
          path: f.path,
          size: f.size,
          crc32: f.crc32.toLowerCase(),
          created_at: this.v.time(now),
        })),
      )
      .execute();
  }

  /** Bytes of every file packed so far (metrics). */
  async totalBytes(): Promise<number> {
    const row = await this.db
      .selectFrom('artifacts')
      .select((eb) => eb.fn.sum<number | string | null>('size').as('bytes'))
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }

  async list(jobId: string): Promise<Artifact[]> {
    const rows = await this.db
      .selectFrom('artifacts')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('path')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      jobId: r.job_id,
      kind: r.kind,
      path: r.path,
      size: Number(r.size),
      crc32: r.crc32,
      createdAt: this.v.readIsoTime(r.created_at),
    }));
  }

  async deleteForJob(jobId: string): Promise<void> {
    await this.db.deleteFrom('artifacts').where('job_id', '=', jobId).execute();
  }
}
