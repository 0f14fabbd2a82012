import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  type AccessTokens,
  AuthError,
  AuthErrorCode,
  type SessionState,
  type SessionViewer,
} from '../../app/index.js';

/** Who may call a route; every route declares it (default: any signed-in user). */
export type Access = 'public' | 'user' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in user as the database has it now (role included), or null. */
    auth: SessionViewer | null;
  }
}

export interface Authenticator {
  readonly accessTokens: AccessTokens;
  readonly sessions: SessionState;
}

/** Reads the bearer token, if any; throws only when one is present and bad, or its login has ended. */
async function authenticate(request: FastifyRequest, auth: Authenticator): Promise<SessionViewer | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw new AuthError(AuthErrorCode.TOKEN_INVALID, 'Authorization must be "Bearer <access token>"');
  return auth.sessions.resolve(await auth.accessTokens.verify(match[1]!));
}

/**
 * The one guard: an onRequest hook that checks every route's `config.access`. Routes without
 * the setting need a signed-in user, so forgetting it fails closed.
 */
export function registerAccessGuard(app: FastifyInstance, tokens: Authenticator): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    // No route matched: the not-found handler answers (the web app's page, or a JSON 404), and it
    // reveals nothing a guard would protect.
    if (request.is404) return;
    const access: Access = request.routeOptions.config?.access ?? 'user';
    if (access === 'public') {
      request.auth = await authenticate(request, tokens).catch(() => null);
      return;
    }
    const auth = await authenticate(request, tokens);
    if (!auth)
      throw new AuthError(
        AuthErrorCode.UNAUTHENTICATED,
        'Sign in first: send Authorization: Bearer <access token>',
      );
    request.auth = auth;
    if (access === 'admin' && auth.role !== 'admin') {
      throw new AuthError(AuthErrorCode.FORBIDDEN, 'Only an admin can do this');
    }
  });
}

export function requireAuth(request: FastifyRequest): SessionViewer {
  if (!request.auth) throw new AuthError(AuthErrorCode.UNAUTHENTICATED, 'Sign in first');
  return request.auth;
}
