import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { diskSpace } from '../../app/index.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    action: z.string(),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    target: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });

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
        querystring: z.object({
          action: z.string().max(64).optional().describe('entries whose action starts with this'),
          user: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({ items: z.array(AuditEntrySchema), total: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { action, user, limit, offset } = request.query;
      const page = await services.repos.audit.list({
        limit,
        offset,
        ...(action ? { action } : {}),
        ...(user ? { userId: user } : {}),
      });
      return { total: page.total, items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
    },
  );
};
