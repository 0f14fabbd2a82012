import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FixJobRequestSchema,
  JobRefParamsSchema,
  JobViewSchema,
  ReleaseActionPreviewSchema,
  ReleaseHistorySchema,
  ReleaseNamePageSchema,
  ReleaseNameQuerySchema,
  RepackJobRequestSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

/** NFOFIX, DIRFIX, SAMPLEFIX, REPACK and PROPER of a completed job's release, and its history. */
export const releaseActionRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const actions = services.releaseActions;
  const withStatus = { ...errorResponses, 422: ErrorSchema };
  const requester = (request: Parameters<typeof requireAuth>[0]) => ({
    ...requireAuth(request),
    ip: request.ip,
  });

  app.post(
    '/api/jobs/:id/fix/preview',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The fix release a fix job would write (name, NFO, findings), without a job',
        params: JobRefParamsSchema,
        body: FixJobRequestSchema,
        response: { 200: ReleaseActionPreviewSchema, ...withStatus },
      },
    },
    async (request) => actions.previewFix(requireAuth(request), request.params.id, request.body),
  );

  app.post(
    '/api/jobs/:id/fix',
    {
      schema: {
        tags: ['jobs'],
        summary: "An NFOFIX, DIRFIX or SAMPLEFIX job for a completed job's release",
        params: JobRefParamsSchema,
        body: FixJobRequestSchema,
        response: { 201: JobViewSchema, ...withStatus },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await actions.fix(requester(request), request.params.id, request.body)),
  );

  app.post(
    '/api/jobs/:id/repack/preview',
    {
      schema: {
        tags: ['jobs'],
        summary: 'The REPACK or PROPER a repack job would pack (name, NFO notes, warnings), without a job',
        params: JobRefParamsSchema,
        body: RepackJobRequestSchema,
        response: { 200: ReleaseActionPreviewSchema, ...withStatus },
      },
    },
    async (request) => actions.previewRepack(requireAuth(request), request.params.id, request.body),
  );

  app.post(
    '/api/jobs/:id/repack',
    {
      schema: {
        tags: ['jobs'],
        summary:
          "A REPACK (your group's) or PROPER (another group's, with a reason) of a completed job's release",
        params: JobRefParamsSchema,
        body: RepackJobRequestSchema,
        response: { 201: JobViewSchema, ...withStatus },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await actions.repack(requester(request), request.params.id, request.body)),
  );

  app.get(
    '/api/jobs/:id/history',
    {
      schema: {
        tags: ['jobs'],
        summary: "A release's history: its original pack job, then its fixes and repacks, oldest first",
        params: JobRefParamsSchema,
        response: { 200: ReleaseHistorySchema, ...errorResponses },
      },
    },
    async (request) => actions.history(requireAuth(request), request.params.id),
  );

  app.get(
    '/api/releases',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Every release name relpack has produced (the dupe list), newest first',
        querystring: ReleaseNameQuerySchema,
        response: { 200: ReleaseNamePageSchema, ...errorResponses },
      },
    },
    async (request) => actions.releaseNames(requireAuth(request), request.query),
  );
};
