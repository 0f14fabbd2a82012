import type { Kysely } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

/** The provider response cache and the per-day request counters. */
export class ProviderCacheRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async get(key: string, now: Date): Promise<unknown | undefined> {
    const row = await this.db
      .selectFrom('provider_cache')
      .select(['value', 'expires_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || this.v.readTime(row.expires_at) <= now) return undefined;
    return this.v.readJson(row.value);
  }

  async put(key: string, provider: string, value: unknown, expiresAt: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('provider_cache').where('key', '=', key).execute();
      await trx
        .insertInto('provider_cache')
        .values({ key, provider, value: this.v.json(value), expires_at: this.v.time(expiresAt) })
        .execute();
    });
  }

  async count(provider: string, day: string): Promise<number> {
    const row = await this.db
      .selectFrom('provider_quota')
      .select('count')
      .where('provider', '=', provider)
      .where('day', '=', day)
      .executeTakeFirst();
    return row ? Number(row.count) : 0;
  }

  /** Adds one request to today's counter and returns the new count. */
  async increment(provider: string, day: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('provider_quota')
        .set((eb) => ({ count: eb('count', '+', 1) }))
        .where('provider', '=', provider)
        .where('day', '=', day)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await trx.insertInto('provider_quota').values({ provider, day, count: 1 }).execute();
      const row = await trx
        .selectFrom('provider_quota')
        .select('count')
        .where('provider', '=', provider)
        .where('day', '=', day)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    });
  }
}
