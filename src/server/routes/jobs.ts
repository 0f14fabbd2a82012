import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Job } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { ResponseMemo } from '../plugins/response-memo.js';
import { errorResponses, IdParams } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const JobStatus = z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']);
const JobType = z.enum(['ebook', 'tv', 'upload']);

export const JobSchema = z
  .object({
    id: z.string(),
    type: JobType,
    profile: z.string().nullable(),
    status: JobStatus,
    ownerId: z.string().nullable(),
    parentJobId: z.string().nullable(),
    title: z.string().nullable(),
    progress: z.unknown(),
    result: z.unknown(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    attempts: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    cancelRequestedAt: z.string().nullable(),
    worker: z.string().nullable(),
  })
  .meta({ id: 'Job' });

const JobDetailSchema = JobSchema.extend({ config: z.unknown() }).meta({ id: 'JobDetail' });

export const jobView = (job: Job) => ({
  id: job.id,
  type: job.type,
  profile: job.profile,
  status: job.status,
  ownerId: job.ownerId,
  parentJobId: job.parentJobId,
  title: job.title,
  progress: job.progress,
  result: job.result,
  error: job.error,
  attempts: job.attempts,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  startedAt: job.startedAt,
  finishedAt: job.finishedAt,
  cancelRequestedAt: job.cancelRequestedAt,
  worker: job.worker,
});

export const jobRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const listMemo = new ResponseMemo(200);
  app.get(
    '/api/jobs',
    {
      // The list is the hottest route; jobView builds exactly the documented shape, so the handler
      // writes it with plain JSON.stringify instead of having it re-validated against the schema.
      serializerCompiler: () => (data) => (typeof data === 'string' ? data : JSON.stringify(data)),
      schema: {
        tags: ['jobs'],
        summary: 'List jobs, newest first (operators see their own)',
        querystring: z.object({
          status: z
            .string()
            .optional()
            .transform((v) => (v ? v.split(',') : []))
            .pipe(z.array(JobStatus)),
          type: JobType.optional(),
          owner: z.uuid().optional(),
          parent: z.uuid().optional().describe('only the upload jobs of this pack job'),
          q: z.string().max(200).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          order: z.enum(['newest', 'oldest']).default('newest'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: {
          200: z.object({
            items: z.array(JobSchema),
            total: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
          304: z
            .null()
            .meta({ description: 'Not modified: the ETag sent in If-None-Match is still current' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const viewer = requireAuth(request);
      // The same page for the same viewer, unchanged since the database last changed: the stored
      // bytes (or a 304 for a client that has them).
      const token = services.changeToken();
      const key = `${viewer.role}:${viewer.userId}:${request.url}`;
      const memo = token ? listMemo.get(key, token) : undefined;
      if (memo) {
        reply.header('etag', memo.etag).header('cache-control', 'private, no-cache');
        if (request.headers['if-none-match'] === memo.etag) return reply.code(304).send(null);
        return reply.type('application/json; charset=utf-8').send(memo.body as never);
      }
      const { status, type, owner, parent, q, limit, offset, from, to, order } = request.query;
      const page = await services.jobs.list(viewer, {
        status,
        limit,
        offset,
        ...(type ? { type } : {}),
        ...(owner ? { ownerId: owner } : {}),
        ...(parent ? { parentJobId: parent } : {}),
        ...(q ? { search: q } : {}),
        ...(from ? { createdFrom: new Date(from) } : {}),
        ...(to ? { createdTo: new Date(to) } : {}),
        order,
      });
      const body = JSON.stringify({ items: page.items.map(jobView), total: page.total, limit, offset });
      if (token) {
        const stored = listMemo.set(key, token, body);
        reply.header('etag', stored.etag).header('cache-control', 'private, no-cache');
      }
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One job, with the config it runs from',
        params: IdParams,
        response: { 200: JobDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const job = await services.jobs.get(requireAuth(request), request.params.id);
      return { ...jobView(job), config: job.config };
    },
  );
};
