import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuthError, AuthErrorCode } from '../../app/index.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const metricsRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const token = services.config.metricsToken;
  app.get(
    '/metrics',
    {
      // Checked here: Prometheus sends RELPACK_METRICS_TOKEN, people send an admin's access token.
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'Prometheus metrics: jobs by type and status, queue depth, run times, bytes packed and uploaded (Bearer RELPACK_METRICS_TOKEN or an admin token)',
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const allowed =
        (token !== undefined && bearer !== undefined && sameToken(bearer, token)) ||
        request.auth?.role === 'admin';
      if (!allowed) {
        if (request.auth)
          throw new AuthError(
            AuthErrorCode.FORBIDDEN,
            'Only an admin (or RELPACK_METRICS_TOKEN) can read metrics',
          );
        throw new AuthError(
          AuthErrorCode.UNAUTHENTICATED,
          'Send Authorization: Bearer <RELPACK_METRICS_TOKEN> (or an admin access token)',
        );
      }
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await services.metrics());
    },
  );
};
