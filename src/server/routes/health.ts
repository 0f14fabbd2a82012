import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorSchema } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const healthRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: services.version }),
  );
  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and migrations are applied',
        response: {
          200: z.object({
            ready: z.literal(true),
            database: z.object({ dialect: z.string(), pendingMigrations: z.array(z.string()) }),
          }),
          503: ErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      const report = await services.readiness();
      if (!report.ready) {
        return reply.status(503).send({
          error: {
            code: 'NOT_READY',
            message: report.database.reachable ? 'Migrations are pending' : 'The database does not answer',
            details: { ...report.database },
          },
        });
      }
      return { ready: true as const, database: { dialect: report.database.dialect, pendingMigrations: [] } };
    },
  );
};
