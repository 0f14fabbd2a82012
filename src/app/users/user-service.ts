import type {
  AuditRepository,
  RefreshTokensRepository,
  Role,
  User,
  UsersRepository,
} from '../../db/index.js';
import { CommonErrorCode, RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { type Caller, requireAdmin } from '../auth/access.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { type NewUser, toUserView, type UserChange, type UserView } from './user-contract.js';

export const UserErrorCode = {
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  LAST_ADMIN: 'LAST_ADMIN',
  WRONG_PASSWORD: 'WRONG_PASSWORD',
} as const satisfies Record<string, ErrorCode>;

export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly ip?: string | null;
  /** The actor's login; a change to their own account keeps it and ends the others. */
  readonly sessionId?: string;
}

export interface UserServiceDeps {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly audit: AuditRepository;
  readonly clock: () => Date;
}

/** User administration; every change is audited and never leaves the system without an active admin. */
export class UserService {
  constructor(private readonly deps: UserServiceDeps) {}

  async list(caller: Caller): Promise<UserView[]> {
    requireAdmin(caller, 'list users');
    return (await this.deps.users.list()).map(toUserView);
  }

  /** The caller's own account (`GET /api/auth/me`). */
  async me(caller: { readonly userId: string }): Promise<UserView> {
    return toUserView(await this.find(caller.userId));
  }

  async get(caller: Caller, id: string): Promise<UserView> {
    requireAdmin(caller, 'see other users');
    return toUserView(await this.find(id));
  }

  count(): Promise<number> {
    return this.deps.users.count();
  }

  /** The account the local CLI acts as (`RELPACK_USER`); usernames ignore case. */
  async findByUsername(username: string): Promise<User> {
    const user = await this.deps.users.findByUsername(username);
    if (!user) {
      throw new RelpackError(UserErrorCode.USER_NOT_FOUND, `No user "${username}"`, { username });
    }
    const { passwordHash: _h, ...rest } = user;
    return rest;
  }

  private async find(id: string): Promise<User> {
    const user = await this.deps.users.findById(id);
    if (!user) throw new RelpackError(UserErrorCode.USER_NOT_FOUND, `No user ${id}`, { id });
    const { passwordHash: _h, ...rest } = user;
    return rest;
  }

  /** `actor` null: this machine's own command line (`relpack admin create`, the first admin). */
  async create(actor: Actor | null, input: NewUser): Promise<UserView> {
    if (actor) requireAdmin(actor, 'create users');
    const { users, audit, clock } = this.deps;
    await assertStrongPassword(input.password, input.username);
    if (await users.findByUsername(input.username)) {
      throw new RelpackError(UserErrorCode.USERNAME_TAKEN, `The username "${input.username}" is taken`, {
        username: input.username,
      });
    }
    const user = await users.create({
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      now: clock(),
    });
    await audit.record(
      {
        action: 'user.create',
        userId: actor?.userId ?? null,
        target: user.id,
        ip: actor?.ip ?? null,
        details: { role: input.role },
      },
      clock(),
    );
    return toUserView(user);
  }

  async update(actor: Actor, id: string, changes: UserChange): Promise<UserView> {
    requireAdmin(actor, 'change users');
    return toUserView(await this.apply(actor, id, changes));
  }

  private async apply(actor: Actor, id: string, changes: UserChange): Promise<User> {
    const { users, refreshTokens, audit, clock } = this.deps;
    const current = await this.find(id);
    if (changes.password) await assertStrongPassword(changes.password, current.username);
    const losesAdmin =
      current.role === 'admin' && current.active && (changes.role === 'operator' || changes.active === false);
    if (losesAdmin && (await users.countActiveAdmins()) <= 1) {
      throw new RelpackError(
        UserErrorCode.LAST_ADMIN,
        'This is the last active admin; make another admin first',
        { id },
      );
    }
    const updated = await users.update(
      id,
      {
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.active === undefined ? {} : { active: changes.active }),
        ...(changes.password ? { passwordHash: await hashPassword(changes.password) } : {}),
      },
      clock(),
    );
    // A disabled user, a new role or a new password ends every session (but the one that
    // changed its own password: the person at the keyboard just proved who they are).
    if (changes.active === false || changes.password || (changes.role && changes.role !== current.role)) {
      const keep =
        id === actor.userId && changes.password && !changes.role && changes.active !== false
          ? actor.sessionId
          : undefined;
      await refreshTokens.revokeAllForUser(id, clock(), keep);
    }
    await audit.record(
      {
        action: 'user.update',
        userId: actor.userId,
        target: id,
        ip: actor.ip ?? null,
        details: {
          role: changes.role ?? null,
          active: changes.active ?? null,
          password: Boolean(changes.password),
        },
      },
      clock(),
    );
    return updated!;
  }

  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.deps.users.findById(actor.userId);
    if (!user) throw new RelpackError(UserErrorCode.USER_NOT_FOUND, 'Your account no longer exists', {});
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new RelpackError(UserErrorCode.WRONG_PASSWORD, 'The current password is wrong', {});
    }
    await this.apply(actor, actor.userId, { password: newPassword });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    requireAdmin(actor, 'delete users');
    const { users, audit, clock } = this.deps;
    const current = await this.find(id);
    if (current.role === 'admin' && current.active && (await users.countActiveAdmins()) <= 1) {
      throw new RelpackError(
        UserErrorCode.LAST_ADMIN,
        'This is the last active admin and cannot be deleted',
        { id },
      );
    }
    if (id === actor.userId) {
      throw new RelpackError(CommonErrorCode.INVALID_ARGUMENT, 'You cannot delete your own account', { id });
    }
    await users.delete(id);
    await audit.record(
      {
        action: 'user.delete',
        userId: actor.userId,
        target: id,
        ip: actor.ip ?? null,
        details: { username: current.username },
      },
      clock(),
    );
  }
}
