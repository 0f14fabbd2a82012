import type { Kysely } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database } from '../schema.js';

/** User and global preference values as JSON; validation lives in the registry (app layer). */
export class PreferencesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  async userValues(userId: string): Promise<Map<string, unknown>> {
    const rows = await this.db
      .selectFrom('user_preferences')
      .select(['key', 'value'])
      .where('user_id', '=', userId)
      .execute();
    return new Map(rows.map((r) => [r.key, this.v.readJson(r.value)]));
  }

  async globalValues(): Promise<Map<string, unknown>> {
    const rows = await this.db.selectFrom('global_preferences').select(['key', 'value']).execute();
    return new Map(rows.map((r) => [r.key, this.v.readJson(r.value)]));
  }

  async setUser(userId: string, entries: readonly [string, unknown][], now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, value] of entries) {
        await trx
          .deleteFrom('user_preferences')
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .execute();
        await trx
          .insertInto('user_preferences')
          .values({ user_id: userId, key, value: this.v.json(value), updated_at: this.v.time(now) })
          .execute();
      }
    });
  }

  async unsetUser(userId: string, key: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('user_preferences')
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async setGlobal(entries: readonly [string, unknown][], updatedBy: string | null, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [key, value] of entries) {
        await trx.deleteFrom('global_preferences').where('key', '=', key).execute();
        await trx
          .insertInto('global_preferences')
          .values({ key, value: this.v.json(value), updated_at: this.v.time(now), updated_by: updatedBy })
          .execute();
      }
    });
  }

  async unsetGlobal(key: string): Promise<boolean> {
    const r = await this.db.deleteFrom('global_preferences').where('key', '=', key).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }
}
