import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthSchema, notReadyMessage, ReadySchema } from '../../app/index.js';
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
        response: { 200: HealthSchema },
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
          200: ReadySchema,
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
            message: notReadyMessage(report),
            details: { ...report.database },
          },
        });
      }
      return { ready: true as const, database: { dialect: report.database.dialect, pendingMigrations: [] } };
    },
  );
};
