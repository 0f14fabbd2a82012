import type { Kysely } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

export interface AuditEntry {
  readonly action: string;
  readonly userId?: string | null;
  readonly target?: string | null;
  readonly ip?: string | null;
  readonly details?: Record<string, unknown> | null;
}

/** Security-relevant actions (logins, user changes, overrides); append-only. */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async record(entry: AuditEntry, now: Date): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: this.v.time(now),
        user_id: entry.userId ?? null,
        action: entry.action,
        target: entry.target?.slice(0, 255) ?? null,
        ip: entry.ip?.slice(0, 64) ?? null,
        details: entry.details ? this.v.json(entry.details) : null,
      })
      .execute();
  }

  async recent(
    limit: number,
  ): Promise<{ at: Date; action: string; userId: string | null; target: string | null }[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      at: this.v.readTime(r.at),
      action: r.action,
      userId: r.user_id,
      target: r.target,
    }));
  }
}
