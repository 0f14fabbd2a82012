import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type {
  AuditRepository,
  RefreshTokenRow,
  RefreshTokensRepository,
  Role,
  User,
  UsersRepository,
} from '../../db/index.js';
import { strip } from '../../db/index.js';
import type { AccessTokens } from './access-tokens.js';
import { AuthError, AuthErrorCode } from './auth-errors.js';
import { decoyHash, verifyPassword } from './passwords.js';

export interface ClientInfo {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface Session {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly user: { readonly id: string; readonly username: string; readonly role: Role };
}

export interface AuthDeps {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly audit: AuditRepository;
  readonly accessTokens: AccessTokens;
  readonly refreshTtlDays: number;
  readonly clock: () => Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A client that sends the same refresh token twice at once (two commands, two tabs) sees the
 * second answered within this time if it comes from the same address and user agent as the
 * rotation itself; a copy used from anywhere else, or later, still revokes the whole login.
 */
export const ROTATION_GRACE_MS = 10_000;

/**
 * Login, refresh with rotation, logout. A refresh token is a random value stored only as a
 * hash; each refresh replaces it, and presenting a replaced one (a stolen copy, a replay)
 * revokes the whole family, so both the thief and the owner must log in again.
 */
export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  async login(username: string, password: string, client: ClientInfo): Promise<Session> {
    const { users, audit, clock } = this.deps;
    const user = await users.findByUsername(username);
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !ok) {
      await audit.record({ action: 'auth.login_failed', target: username, ip: client.ip }, clock());
      throw new AuthError(AuthErrorCode.INVALID_CREDENTIALS, 'Wrong username or password');
    }
    if (!user.active) {
      await audit.record({ action: 'auth.login_disabled', userId: user.id, ip: client.ip }, clock());
      throw new AuthError(AuthErrorCode.ACCOUNT_DISABLED, 'This account is disabled; ask an administrator');
    }
    await users.recordLogin(user.id, clock());
    await audit.record({ action: 'auth.login', userId: user.id, ip: client.ip }, clock());
    return this.startSession(strip(user), randomUUID(), client);
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<Session> {
    const { refreshTokens, users, audit, clock } = this.deps;
    const now = clock();
    const row = await refreshTokens.findByHash(hashToken(refreshToken));
    if (!row) throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'Unknown refresh token; log in again');
    if (row.replacedBy !== null || row.revokedAt !== null) {
      if (row.replacedBy !== null && (await this.isConcurrentRotation(row, client, now))) {
        return this.sibling(row, client);
      }
      if (row.replacedBy !== null) {
        await refreshTokens.revokeFamily(row.familyId, now);
        await audit.record(
          {
            action: 'auth.refresh_reused',
            userId: row.userId,
            ip: client.ip,
            details: { family: row.familyId },
          },
          now,
        );
        throw new AuthError(
          AuthErrorCode.REFRESH_TOKEN_REUSED,
          'This refresh token was already used; every session of this login is revoked, log in again',
        );
      }
      throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'This refresh token was revoked; log in again');
    }
    if (row.expiresAt <= now)
      throw new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'The refresh token has expired; log in again');
    const user = await users.findById(row.userId);
    if (!user?.active) {
      await refreshTokens.revokeFamily(row.familyId, now);
      throw new AuthError(AuthErrorCode.ACCOUNT_DISABLED, 'This account is disabled; ask an administrator');
    }
    const nextId = randomUUID();
    if (!(await refreshTokens.markReplaced(row.id, nextId, now))) {
      // Another request rotated this token a moment ago: the same client racing itself gets the
      // grace, anyone else is treated as reuse.
      const raced = await refreshTokens.findById(row.id);
      if (raced && (await this.isConcurrentRotation(raced, client, now))) return this.sibling(raced, client);
      await refreshTokens.revokeFamily(row.familyId, now);
      throw new AuthError(
        AuthErrorCode.REFRESH_TOKEN_REUSED,
        'This refresh token was already used; log in again',
      );
    }
    return this.startSession(strip(user), row.familyId, client, nextId);
  }

  /** The token was rotated a moment ago by this very client, and its successor is still live. */
  private async isConcurrentRotation(row: RefreshTokenRow, client: ClientInfo, now: Date): Promise<boolean> {
    if (row.replacedBy === null || row.revokedAt === null) return false;
    if (now.getTime() - row.revokedAt.getTime() > ROTATION_GRACE_MS) return false;
    const successor = await this.deps.refreshTokens.findById(row.replacedBy);
    return (
      successor !== null &&
      successor.revokedAt === null &&
      successor.ip === (client.ip?.slice(0, 64) ?? null) &&
      successor.userAgent === (client.userAgent?.slice(0, 255) ?? null)
    );
  }

  /** A second live token in the same login, for the racing request of the same client. */
  private async sibling(row: RefreshTokenRow, client: ClientInfo): Promise<Session> {
    const user = await this.deps.users.findById(row.userId);
    if (!user?.active)
      throw new AuthError(AuthErrorCode.ACCOUNT_DISABLED, 'This account is disabled; ask an administrator');
    return this.startSession(strip(user), row.familyId, client);
  }

  async logout(refreshToken: string): Promise<void> {
    const { refreshTokens, audit, clock } = this.deps;
    const row = await refreshTokens.findByHash(hashToken(refreshToken));
    if (!row) return;
    await refreshTokens.revokeFamily(row.familyId, clock());
    await audit.record({ action: 'auth.logout', userId: row.userId }, clock());
  }

  private async startSession(
    user: User,
    familyId: string,
    client: ClientInfo,
    id: string = randomUUID(),
  ): Promise<Session> {
    const now = this.deps.clock();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now.getTime() + this.deps.refreshTtlDays * 86_400_000);
    await this.deps.refreshTokens.insert({
      id,
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      now,
      expiresAt: refreshTokenExpiresAt,
      userAgent: client.userAgent,
      ip: client.ip,
    });
    const access = await this.deps.accessTokens.issue({
      userId: user.id,
      role: user.role,
      sessionId: familyId,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
      user: { id: user.id, username: user.username, role: user.role },
    };
  }
}
