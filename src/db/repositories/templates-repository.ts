import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database, NfoTemplatesTable } from '../schema.js';

export interface StoredTemplate {
  readonly id: string;
  readonly name: string;
  readonly releaseType: 'ebook' | 'tv';
  readonly kind: 'nfo' | 'diz';
  readonly body: string;
  readonly description: string | null;
  /** null: a global template (admins manage it); else the operator who owns it. */
  readonly ownerId: string | null;
  readonly isDefault: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TemplateInput {
  readonly name: string;
  readonly releaseType: 'ebook' | 'tv';
  readonly kind: 'nfo' | 'diz';
  readonly body: string;
  readonly description: string | null;
  readonly ownerId: string | null;
  readonly isDefault: boolean;
}

export class TemplatesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  private map(r: Selectable<NfoTemplatesTable>): StoredTemplate {
    return {
      id: r.id,
      name: r.name,
      releaseType: r.release_type as 'ebook' | 'tv',
      kind: r.kind as 'nfo' | 'diz',
      body: r.content,
      description: r.description,
      ownerId: r.owner_id,
      isDefault: this.v.readBool(r.is_default),
      createdAt: this.v.readIsoTime(r.created_at),
      updatedAt: this.v.readIsoTime(r.updated_at),
    };
  }

  /** Global templates and, with `ownerId`, that user's own; admins pass `all`. */
  async list(scope: { ownerId: string } | 'all'): Promise<StoredTemplate[]> {
    let q = this.db.selectFrom('nfo_templates').selectAll();
    if (scope !== 'all')
      q = q.where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', scope.ownerId)]));
    return (await q.orderBy('name').execute()).map((r) => this.map(r));
  }

  async findById(id: string): Promise<StoredTemplate | null> {
    const row = await this.db.selectFrom('nfo_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.map(row) : null;
  }

  async findByName(name: string, ownerId: string | null): Promise<StoredTemplate | null> {
    let q = this.db.selectFrom('nfo_templates').selectAll().where('name', '=', name);
    q = ownerId === null ? q.where('owner_id', 'is', null) : q.where('owner_id', '=', ownerId);
    const row = await q.executeTakeFirst();
    return row ? this.map(row) : null;
  }

  async insert(input: TemplateInput, now: Date): Promise<StoredTemplate> {
    const id = randomUUID();
    await this.db
      .insertInto('nfo_templates')
      .values({
        id,
        name: input.name,
        release_type: input.releaseType,
        kind: input.kind,
        content: input.body,
        description: input.description,
        owner_id: input.ownerId,
        is_default: this.v.bool(input.isDefault),
        created_at: this.v.time(now),
        updated_at: this.v.time(now),
      })
      .execute();
    return (await this.findById(id))!;
  }

  async update(
    id: string,
    input: Partial<Omit<TemplateInput, 'ownerId'>>,
    now: Date,
  ): Promise<StoredTemplate | null> {
    await this.db
      .updateTable('nfo_templates')
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.releaseType === undefined ? {} : { release_type: input.releaseType }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.body === undefined ? {} : { content: input.body }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.isDefault === undefined ? {} : { is_default: this.v.bool(input.isDefault) }),
        updated_at: this.v.time(now),
      })
      .where('id', '=', id)
      .execute();
    return this.findById(id);
  }

  /** Only one default per (owner, release type, kind). */
  async clearDefault(ownerId: string | null, releaseType: string, kind: string, now: Date): Promise<void> {
    let q = this.db
      .updateTable('nfo_templates')
      .set({ is_default: this.v.bool(false), updated_at: this.v.time(now) })
      .where('release_type', '=', releaseType)
      .where('kind', '=', kind);
    q = ownerId === null ? q.where('owner_id', 'is', null) : q.where('owner_id', '=', ownerId);
    await q.execute();
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('nfo_templates').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
