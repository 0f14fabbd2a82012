import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, SystemStatusSchema } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

/** What the dashboard shows about the installation, and the audit log for admins. */
export const systemRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  app.get(
    '/api/system/status',
    {
      schema: {
        tags: ['system'],
        summary: 'Version, database, queue, and free space where releases are written',
        response: { 200: SystemStatusSchema, ...errorResponses },
      },
    },
    async (request) => services.systemStatus(requireAuth(request)),
  );

  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['system'],
        summary: 'The audit log, newest first (logins, user and secret changes, overrides)',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses },
      },
    },
    async (request) => services.audit.list(requireAuth(request), request.query),
  );
};
