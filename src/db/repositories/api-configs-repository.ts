import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { ApiConfigsTable, Database } from '../schema.js';

export interface ApiConfigRow {
  readonly id: string;
  readonly provider: string;
  /** Sealed by the secrets module; never leaves the app layer. */
  readonly apiKeyEncrypted: string | null;
  readonly settings: Record<string, unknown>;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export class ApiConfigsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  private map(r: Selectable<ApiConfigsTable>): ApiConfigRow {
    return {
      id: r.id,
      provider: r.provider,
      apiKeyEncrypted: r.api_key_encrypted,
      settings: r.settings === null ? {} : this.v.readJson<Record<string, unknown>>(r.settings),
      enabled: this.v.readBool(r.enabled),
      createdAt: this.v.readIsoTime(r.created_at),
      updatedAt: this.v.readIsoTime(r.updated_at),
    };
  }

  async list(): Promise<ApiConfigRow[]> {
    return (await this.db.selectFrom('api_configs').selectAll().orderBy('provider').execute()).map((r) =>
      this.map(r),
    );
  }

  async find(provider: string): Promise<ApiConfigRow | null> {
    const row = await this.db
      .selectFrom('api_configs')
      .selectAll()
      .where('provider', '=', provider)
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /** Inserts with a fresh id (returned first, so the caller can seal the key with it as AAD). */
  newId(): string {
    return randomUUID();
  }

  async insert(
    row: {
      id: string;
      provider: string;
      apiKeyEncrypted: string | null;
      settings: Record<string, unknown>;
      enabled: boolean;
    },
    now: Date,
  ): Promise<void> {
    await this.db
      .insertInto('api_configs')
      .values({
        id: row.id,
        provider: row.provider,
        api_key_encrypted: row.apiKeyEncrypted,
        settings: this.v.json(row.settings),
        enabled: this.v.bool(row.enabled),
        created_at: this.v.time(now),
        updated_at: this.v.time(now),
      })
      .execute();
  }

  async update(
    provider: string,
    changes: { apiKeyEncrypted?: string | null; settings?: Record<string, unknown>; enabled?: boolean },
    now: Date,
  ): Promise<void> {
    await this.db
      .updateTable('api_configs')
      .set({
        ...(changes.apiKeyEncrypted === undefined ? {} : { api_key_encrypted: changes.apiKeyEncrypted }),
        ...(changes.settings === undefined ? {} : { settings: this.v.json(changes.settings) }),
        ...(changes.enabled === undefined ? {} : { enabled: this.v.bool(changes.enabled) }),
        updated_at: this.v.time(now),
      })
      .where('provider', '=', provider)
      .execute();
  }

  async delete(provider: string): Promise<boolean> {
    const r = await this.db.deleteFrom('api_configs').where('provider', '=', provider).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
