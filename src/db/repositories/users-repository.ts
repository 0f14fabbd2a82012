import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DialectValues } from '../dialect.js';
import type { Database, UsersTable } from '../schema.js';

export type Role = 'admin' | 'operator';

export interface User {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

export interface UserWithHash extends User {
  readonly passwordHash: string;
}

export class UsersRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly v: DialectValues,
  ) {}

  private map(row: Selectable<UsersTable>): UserWithHash {
    return {
      id: row.id,
      username: row.username,
      role: row.role,
      active: this.v.readBool(row.active),
      createdAt: this.v.readTime(row.created_at),
      updatedAt: this.v.readTime(row.updated_at),
      lastLoginAt: this.v.readTimeOrNull(row.last_login_at),
      passwordHash: row.password_hash,
    };
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .where('role', '=', 'admin')
      .where('active', '=', this.v.bool(true))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map((r) => strip(this.map(r)));
  }

  async findById(id: string): Promise<UserWithHash | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.map(row) : null;
  }

  /** Usernames compare without case: "Admin" finds "admin". */
  async findByUsername(username: string): Promise<UserWithHash | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where(sql`lower(username)`, '=', username.toLowerCase())
      .executeTakeFirst();
    return row ? this.map(row) : null;
  }

  async create(input: { username: string; passwordHash: string; role: Role; now: Date }): Promise<User> {
    const id = randomUUID();
    await this.db
      .insertInto('users')
      .values({
        id,
        username: input.username,
        password_hash: input.passwordHash,
        role: input.role,
        active: this.v.bool(true),
        created_at: this.v.time(input.now),
        updated_at: this.v.time(input.now),
        last_login_at: null,
      })
      .execute();
    return strip((await this.findById(id))!);
  }

  async update(
    id: string,
    changes: { role?: Role; active?: boolean; passwordHash?: string },
    now: Date,
  ): Promise<User | null> {
    await this.db
      .updateTable('users')
      .set({
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.active === undefined ? {} : { active: this.v.bool(changes.active) }),
        ...(changes.passwordHash ? { password_hash: changes.passwordHash } : {}),
        updated_at: this.v.time(now),
      })
      .where('id', '=', id)
      .execute();
    const user = await this.findById(id);
    return user ? strip(user) : null;
  }

  async recordLogin(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ last_login_at: this.v.time(now) })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

/** A user as the API may show it: never the hash. */
export function strip(user: UserWithHash): User {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}
