import type { Kysely, Selectable } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database, RefreshTokensTable } from '../schema.js';

export interface RefreshTokenRow {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly replacedBy: string | null;
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** Refresh tokens are stored only as SHA-256 hashes; a family links every rotation of one login. */
export class RefreshTokensRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async insert(row: {
    id: string;
    userId: string;
    familyId: string;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('refresh_tokens')
      .values({
        id: row.id,
        user_id: row.userId,
        family_id: row.familyId,
        token_hash: row.tokenHash,
        created_at: this.v.time(row.now),
        expires_at: this.v.time(row.expiresAt),
        revoked_at: null,
        replaced_by: null,
        user_agent: row.userAgent?.slice(0, 255) ?? null,
        ip: row.ip?.slice(0, 64) ?? null,
      })
      .execute();
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  async findById(id: string): Promise<RefreshTokenRow | null> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  private map(row: Selectable<RefreshTokensTable>): RefreshTokenRow {
    return {
      id: row.id,
      userId: row.user_id,
      familyId: row.family_id,
      createdAt: this.v.readTime(row.created_at),
      expiresAt: this.v.readTime(row.expires_at),
      revokedAt: this.v.readTimeOrNull(row.revoked_at),
      replacedBy: row.replaced_by,
      userAgent: row.user_agent,
      ip: row.ip,
    };
  }

  /** Marks a token used; false when another request rotated it first (a race or a replay). */
  async markReplaced(id: string, replacedBy: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ replaced_by: replacedBy, revoked_at: this.v.time(now) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: this.v.time(now) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: this.v.time(now) })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** True while the login holds a token that is neither used, revoked nor expired. */
  async isFamilyActive(familyId: string, userId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('id')
      .where('family_id', '=', familyId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.v.time(now))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Ends every login of the user, but `keepFamilyId` (the one that asked, when it stays). */
  async revokeAllForUser(userId: string, now: Date, keepFamilyId?: string): Promise<void> {
    let query = this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: this.v.time(now) })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (keepFamilyId) query = query.where('family_id', '!=', keepFamilyId);
    await query.execute();
  }
}
