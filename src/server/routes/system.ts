import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema, AuditQuerySchema, diskSpace } from '../../app/index.js';
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
        response: {
          200: z.object({
            version: z.string(),
            database: z.string(),
            queue: z.enum(['in-process', 'redis']),
            disk: z.object({ path: z.string(), totalBytes: z.number(), freeBytes: z.number() }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const disk = await diskSpace(services.config.dataDir);
      return {
        version: services.version,
        database: services.dialect,
        queue: services.config.redisUrl ? ('redis' as const) : ('in-process' as const),
        // Operators see the numbers, not where the server keeps its files.
        disk: { ...disk, path: request.auth?.role === 'admin' ? disk.path : '' },
      };
    },
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
