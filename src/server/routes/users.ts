import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NewUserSchema,
  PasswordChangeSchema,
  UserChangeSchema,
  UserErrorCode,
  UserViewSchema,
} from '../../app/index.js';
import { isRelpackError } from '../../errors/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import type { LoginThrottle } from '../plugins/login-throttle.js';
import { errorResponses, IdParams } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const userRoutes: FastifyPluginAsyncZod<ServerDeps & { throttle: LoginThrottle }> = async (
  app,
  { services, throttle },
) => {
  const admin = { access: 'admin' as const };
  const actor = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), ip: request.ip });

  app.get(
    '/api/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'List users',
        response: { 200: z.object({ items: z.array(UserViewSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.users.list(requireAuth(request)) }),
  );

  app.post(
    '/api/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: NewUserSchema,
        response: { 201: UserViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.users.create(actor(request), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: UserViewSchema, ...errorResponses },
      },
    },
    async (request) => services.users.get(requireAuth(request), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Change role, active flag or password',
        params: IdParams,
        body: UserChangeSchema,
        response: { 200: UserViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return services.users.update(actor(request), request.params.id, request.body);
    },
  );

  app.delete(
    '/api/users/:id',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Delete a user (never the last admin)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.users.delete(actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/me/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Change your own password (ends your other sessions)',
        body: PasswordChangeSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      // A stolen session must not become a way to guess the password it does not know.
      const who = actor(request);
      throttle.check(who.userId, request.ip);
      await services.users
        .changeOwnPassword(who, request.body.currentPassword, request.body.newPassword)
        .catch((error) => {
          if (isRelpackError(error) && error.code === UserErrorCode.WRONG_PASSWORD)
            throttle.failed(who.userId, request.ip);
          throw error;
        });
      throttle.succeeded(who.userId, request.ip);
      return reply.status(204).send(null);
    },
  );
};
