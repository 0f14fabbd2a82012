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

  /** A page of the log, newest first, with the acting user's name (the user may since be deleted). */
  async list(query: { limit: number; offset: number; action?: string; userId?: string }): Promise<{
    items: AuditRow[];
    total: number;
  }> {
    let base = this.db.selectFrom('audit_log');
    if (query.action)
      base = base.where('audit_log.action', 'like', `${query.action.replace(/[%_\\]/g, '')}%`);
    if (query.userId) base = base.where('audit_log.user_id', '=', query.userId);
    const [rows, count] = await Promise.all([
      base
        .leftJoin('users', 'users.id', 'audit_log.user_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.action',
          'audit_log.user_id',
          'audit_log.target',
          'audit_log.ip',
          'audit_log.details',
          'users.username',
        ])
        .orderBy('audit_log.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({
        id: Number(r.id),
        at: this.v.readTime(r.at),
        action: r.action,
        userId: r.user_id,
        username: r.username ?? null,
        target: r.target,
        ip: r.ip,
        details: r.details ? this.v.readJson<Record<string, unknown>>(r.details) : null,
      })),
    };
  }
}

export interface AuditRow {
  readonly id: number;
  readonly at: Date;
  readonly action: string;
  readonly userId: string | null;
  readonly username: string | null;
  readonly target: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown> | null;
}
