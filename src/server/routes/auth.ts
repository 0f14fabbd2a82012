import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuthError,
  AuthErrorCode,
  LoginSchema,
  RefreshSchema,
  type Session,
  SessionViewSchema,
  UserViewSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import type { LoginThrottle } from '../plugins/login-throttle.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const REFRESH_COOKIE = 'relpack_refresh';

export const authRoutes: FastifyPluginAsyncZod<ServerDeps & { throttle: LoginThrottle }> = async (
  app,
  { services, throttle },
) => {
  const { config } = services;
  const client = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  });
  const answer = (reply: FastifyReply, session: Session) => {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.cookieSecure,
      path: '/api/auth',
      expires: session.refreshTokenExpiresAt,
    });
    return {
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt.toISOString(),
      refreshToken: session.refreshToken,
      user: session.user,
    };
  };
  const tokenFrom = (request: FastifyRequest, body: { refreshToken?: string } | null | undefined) => {
    const token = body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
    if (!token)
      throw new AuthError(
        AuthErrorCode.UNAUTHENTICATED,
        'No refresh token: send the cookie or { "refreshToken" }',
      );
    return token;
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        // A CPU guard (each attempt hashes with Argon2); failures are counted by the throttle.
        rateLimit: { max: config.loginLimit.perIp * 5, timeWindow: config.loginLimit.windowSeconds * 1000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in with a username and password',
        body: LoginSchema,
        response: { 200: SessionViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      throttle.check(username, request.ip);
      const session = await services.auth.login(username, password, client(request)).catch((error) => {
        if (error instanceof AuthError && error.code === AuthErrorCode.INVALID_CREDENTIALS) {
          throttle.failed(username, request.ip);
        }
        throw error;
      });
      throttle.succeeded(username, request.ip);
      return answer(reply, session);
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token (cookie or body) for a new pair; the old one stops working',
        body: RefreshSchema,
        response: { 200: SessionViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      answer(reply, await services.auth.refresh(tokenFrom(request, request.body), client(request))),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke the refresh token (and its rotations)',
        body: RefreshSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.auth.logout(tokenFrom(request, request.body));
      reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: UserViewSchema, ...errorResponses },
      },
    },
    async (request) => services.users.me(requireAuth(request)),
  );
};
