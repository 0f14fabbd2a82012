import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DestinationInputSchema, DestinationUpdateSchema, DestinationViewSchema } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses, IdParams } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const destinationRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const admin = { access: 'admin' as const };
  const tags = ['destinations'];
  const actor = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), ip: request.ip });

  app.get(
    '/api/destinations',
    {
      schema: {
        tags,
        summary: 'Upload destinations (operators see them to choose one; secrets are never returned)',
        response: { 200: z.object({ items: z.array(DestinationViewSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await services.destinations.list() }),
  );
  app.get(
    '/api/destinations/:id',
    {
      schema: {
        tags,
        summary: 'One destination',
        params: IdParams,
        response: { 200: DestinationViewSchema, ...errorResponses },
      },
    },
    async (request) => services.destinations.get(request.params.id),
  );
  app.post(
    '/api/destinations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Add a destination (FTP, explicit FTPS or SFTP)',
        body: DestinationInputSchema,
        response: { 201: DestinationViewSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.destinations.create(actor(request), request.body)),
  );
  app.put(
    '/api/destinations/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change a destination: absent fields are kept; password or privateKey null removes it',
        params: IdParams,
        body: DestinationUpdateSchema,
        response: { 200: DestinationViewSchema, ...errorResponses },
      },
    },
    async (request) => services.destinations.update(actor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/destinations/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Remove a destination',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.destinations.delete(actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/destinations/:id/test',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Connect, authenticate, write and delete a probe file in the base path; latency, or which step failed (DNS, refused, TLS, host key, auth, permission)',
        params: IdParams,
        response: {
          200: z.object({
            ok: z.literal(true),
            connectMs: z.number(),
            writeMs: z.number(),
            identity: z.object({
              certificateFingerprint: z.string().optional(),
              hostKeyFingerprint: z.string().optional(),
              hostKeyTrustedOnFirstUse: z.boolean().optional(),
            }),
            destination: DestinationViewSchema,
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.destinations.test(actor(request), request.params.id),
  );
};
