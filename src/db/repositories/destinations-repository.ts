import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database, DestinationsTable } from '../schema.js';

/** A destination as stored; the sealed secrets never leave the app layer. */
export interface DestinationRow {
  readonly id: string;
  readonly name: string;
  readonly protocol: string;
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly passwordEncrypted: string | null;
  readonly privateKeyEncrypted: string | null;
  readonly basePath: string;
  readonly pathTemplate: string;
  readonly passive: boolean;
  readonly tls: Record<string, unknown>;
  readonly hostKeyFingerprint: string | null;
  readonly hostKeyRecordedAt: string | null;
  readonly concurrency: number;
  readonly enabled: boolean;
  readonly settings: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type DestinationWrite = Omit<DestinationRow, 'id' | 'createdAt' | 'updatedAt' | 'hostKeyRecordedAt'>;

export class DestinationsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  private map(r: Selectable<DestinationsTable>): DestinationRow {
    return {
      id: r.id,
      name: r.name,
      protocol: r.protocol,
      host: r.host,
      port: r.port,
      username: r.username,
      passwordEncrypted: r.password_encrypted,
      privateKeyEncrypted: r.private_key_encrypted,
      basePath: r.base_path,
      pathTemplate: r.path_template,
      passive: this.v.readBool(r.passive),
      tls: r.tls === null ? {} : this.v.readJson<Record<string, unknown>>(r.tls),
      hostKeyFingerprint: r.host_key_fingerprint,
      hostKeyRecordedAt: this.v.readIsoTimeOrNull(r.host_key_recorded_at),
      concurrency: r.concurrency,
      enabled: this.v.readBool(r.enabled),
      settings: r.settings === null ? {} : this.v.readJson<Record<string, unknown>>(r.settings),
      createdAt: this.v.readIsoTime(r.created_at),
      updatedAt: this.v.readIsoTime(r.updated_at),
    };
  }

  private columns(d: DestinationWrite) {
    return {
      name: d.name,
      protocol: d.protocol,
      host: d.host,
      port: d.port,
      username: d.username,
      password_encrypted: d.passwordEncrypted,
      private_key_encrypted: d.privateKeyEncrypted,
      base_path: d.basePath,
      path_template: d.pathTemplate,
      passive: this.v.bool(d.passive),
      tls: this.v.json(d.tls),
      host_key_fingerprint: d.hostKeyFingerprint,
      concurrency: d.concurrency,
      enabled: this.v.bool(d.enabled),
      settings: this.v.json(d.settings),
    };
  }

  async list(): Promise<DestinationRow[]> {
    const rows = await this.db.selectFrom('destinations').selectAll().orderBy('name').execute();
    return rows.map((r) => this.map(r));
  }

  async find(id: string): Promise<DestinationRow | null> {
    const row = await this.db.selectFrom('destinations').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.map(row) : null;
  }

  async findByName(name: string): Promise<DestinationRow | null> {
    const row = await this.db
      .selectFrom('destinations')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /** A fresh id, handed out first so secrets can be sealed with it as associated data. */
  newId(): string {
    return randomUUID();
  }

  async insert(id: string, d: DestinationWrite, now: Date): Promise<void> {
    await this.db
      .insertInto('destinations')
      .values({
        id,
        ...this.columns(d),
        host_key_recorded_at: null,
        created_at: this.v.time(now),
        updated_at: this.v.time(now),
      })
      .execute();
  }

  async update(id: string, d: DestinationWrite, now: Date, hostKeyRecordedAt: Date | null): Promise<void> {
    await this.db
      .updateTable('destinations')
      .set({
        ...this.columns(d),
        host_key_recorded_at: hostKeyRecordedAt === null ? null : this.v.time(hostKeyRecordedAt),
        updated_at: this.v.time(now),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Records a host key accepted on first use; only if none is pinned meanwhile. */
  async recordHostKey(id: string, fingerprint: string, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('destinations')
      .set({
        host_key_fingerprint: fingerprint,
        host_key_recorded_at: this.v.time(now),
        updated_at: this.v.time(now),
      })
      .where('id', '=', id)
      .where('host_key_fingerprint', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Re-sealed secrets (`relpack secrets rotate`); nothing else changes. */
  async updateSecrets(
    id: string,
    secrets: { passwordEncrypted: string | null; privateKeyEncrypted: string | null },
  ): Promise<void> {
    await this.db
      .updateTable('destinations')
      .set({
        password_encrypted: secrets.passwordEncrypted,
        private_key_encrypted: secrets.privateKeyEncrypted,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('destinations').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
