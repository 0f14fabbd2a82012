import type { RefreshTokensRepository, Role, UsersRepository } from '../../db/index.js';
import type { AccessClaims } from './access-tokens.js';
import { AuthError, AuthErrorCode } from './auth-errors.js';

export interface SessionViewer {
  readonly userId: string;
  /** The role the account has now, read from the database. */
  readonly role: Role;
  readonly sessionId: string;
}

export interface SessionStateDeps {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly clock: () => Date;
  /**
   * Changes whenever any connection commits (SQLite), or null where the database has no cheap
   * counter (MariaDB, PostgreSQL): then every request reads the state afresh.
   */
  readonly changeToken: () => string | null;
}

const CACHE_LIMIT = 5_000;

type Outcome = { readonly viewer: SessionViewer } | { readonly error: AuthError };

/**
 * What a verified access token may do right now: the account must still exist and be active,
 * and the login the token belongs to must not be signed out or revoked. Demotion, disabling,
 * deletion, a password change and logout so take effect on the next request, on every instance
 * that shares the database. Answers are remembered only while the database is unchanged.
 */
export class SessionState {
  private readonly cache = new Map<string, { token: string; outcome: Outcome }>();

  constructor(private readonly deps: SessionStateDeps) {}

  async resolve(claims: AccessClaims): Promise<SessionViewer> {
    const key = `${claims.userId}\u0000${claims.sessionId}`;
    const token = this.deps.changeToken();
    const cached = token === null ? undefined : this.cache.get(key);
    let outcome = cached?.token === token ? cached?.outcome : undefined;
    if (!outcome) {
      outcome = await this.read(claims);
      if (token !== null) {
        if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
        this.cache.set(key, { token, outcome });
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.viewer;
  }

  private async read(claims: AccessClaims): Promise<Outcome> {
    const user = await this.deps.users.findById(claims.userId);
    if (!user) {
      return {
        error: new AuthError(AuthErrorCode.TOKEN_INVALID, 'This account no longer exists; sign in again'),
      };
    }
    if (!user.active) {
      return {
        error: new AuthError(
          AuthErrorCode.ACCOUNT_DISABLED,
          'This account is disabled; ask an administrator',
        ),
      };
    }
    if (!(await this.deps.refreshTokens.isFamilyActive(claims.sessionId, user.id, this.deps.clock()))) {
      return {
        error: new AuthError(
          AuthErrorCode.TOKEN_INVALID,
          'This login has ended (signed out, password or role changed, or revoked); sign in again',
        ),
      };
    }
    return { viewer: { userId: user.id, role: user.role, sessionId: claims.sessionId } };
  }
}
