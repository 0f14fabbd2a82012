import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role } from '../../db/index.js';
import { AuthError, AuthErrorCode } from './auth-errors.js';

export interface AccessClaims {
  readonly userId: string;
  /** The role when the token was issued: shown to clients, never trusted for access (see SessionState). */
  readonly role: Role;
  /** The login (refresh-token family) the token belongs to: it dies with that login. */
  readonly sessionId: string;
}

const REQUIRED_CLAIMS = ['sub', 'sid', 'exp', 'iat'];

const CACHE_LIMIT = 5_000;
/** A download link lives long enough for a browser to start it, not long enough to be shared. */
const DOWNLOAD_TTL_SECONDS = 120;
const DOWNLOAD_AUDIENCE = 'relpack-download';

/**
 * Short-lived HS256 JWTs carrying `sub`, `sid` (the login) and `role`. They prove who is asking
 * and in which login; what that user may do now is read from the database on every request
 * (SessionState). A token verified once is remembered until it expires, so a client's burst of
 * calls pays the HMAC once.
 */
export class AccessTokens {
  private readonly verified = new Map<string, AccessClaims & { exp: number }>();

  constructor(
    private readonly secret: Uint8Array,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date,
  ) {}

  async issue(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('relpack')
      .setAudience('relpack-api')
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlSeconds)
      .sign(this.secret);
    return { token, expiresAt: new Date((now + this.ttlSeconds) * 1000) };
  }

  /**
   * A token for one artifact, put in a download URL: browsers cannot add an Authorization header
   * to a plain link, and the file may be far too large to fetch into memory first.
   */
  async issueDownload(claims: AccessClaims, artifactId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const token = await new SignJWT({ role: claims.role, sid: claims.sessionId, art: artifactId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer('relpack')
      .setAudience(DOWNLOAD_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + DOWNLOAD_TTL_SECONDS)
      .sign(this.secret);
    return { token, expiresAt: new Date((now + DOWNLOAD_TTL_SECONDS) * 1000) };
  }

  /** The claims of a download token, only if it was issued for this artifact. */
  async verifyDownload(token: string, artifactId: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: 'relpack',
        audience: DOWNLOAD_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: this.clock(),
      });
      const role = payload.role;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        payload.art !== artifactId ||
        (role !== 'admin' && role !== 'operator')
      ) {
        throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'This download link is for another file');
      }
      return { userId: payload.sub, role, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof errors.JWTExpired) {
        throw new AuthError(AuthErrorCode.TOKEN_EXPIRED, 'The download link has expired; ask for a new one');
      }
      throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'The download link is invalid');
    }
  }

  async verify(token: string): Promise<AccessClaims> {
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.exp * 1000 > this.clock().getTime()) {
        return { userId: cached.userId, role: cached.role, sessionId: cached.sessionId };
      }
      this.verified.delete(token);
    }
    return this.verifyUncached(token);
  }

  private async verifyUncached(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: 'relpack',
        audience: 'relpack-api',
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
        currentDate: this.clock(),
      });
      const role = payload.role;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.sid !== 'string' ||
        (role !== 'admin' && role !== 'operator')
      ) {
        throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'The access token is malformed');
      }
      const claims: AccessClaims = { userId: payload.sub, role, sessionId: payload.sid };
      if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...claims, exp: payload.exp! });
      return claims;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
        // Tokens from before sessions were tracked (no `sid`), or not ours: a refresh gives a good one.
        throw new AuthError(
          AuthErrorCode.TOKEN_INVALID,
          'The access token is from an older login; refresh it or sign in again',
        );
      }
      if (error instanceof errors.JWTExpired) {
        throw new AuthError(
          AuthErrorCode.TOKEN_EXPIRED,
          'The access token has expired; refresh it with POST /api/auth/refresh',
        );
      }
      throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'The access token is invalid');
    }
  }
}
