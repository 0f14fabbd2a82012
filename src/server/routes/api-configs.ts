import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const View = z
  .object({
    provider: z.string(),
    description: z.string(),
    configured: z.boolean(),
    enabled: z.boolean(),
    hasKey: z.boolean(),
    keyHint: z.string().nullable(),
    keyRequired: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiConfig' });
const Body = z.object({
  apiKey: z.string().min(1).max(2000).nullable().optional(),
  enabled: z.boolean().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
const ProviderParams = z.object({ provider: z.string().min(1).max(32) });

export const apiConfigRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const admin = { access: 'admin' as const };
  const tags = ['config'];
  const actor = (request: Parameters<typeof requireAuth>[0]) => ({
    userId: requireAuth(request).userId,
    ip: request.ip,
  });

  app.get(
    '/api/config/apis',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Metadata providers: enabled, whether a key is set (never the key)',
        response: { 200: z.object({ items: z.array(View) }), ...errorResponses },
      },
    },
    async () => ({ items: await services.apiConfigs.list() }),
  );
  app.get(
    '/api/config/apis/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: 'One provider',
        params: ProviderParams,
        response: { 200: View, ...errorResponses },
      },
    },
    async (request) => services.apiConfigs.get(request.params.provider),
  );
  app.post(
    '/api/config/apis',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Configure a provider',
        body: Body.extend({ provider: z.string().min(1).max(32) }),
        response: { 201: View, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { provider, ...rest } = request.body;
      return reply.status(201).send(await services.apiConfigs.put(actor(request), provider, rest));
    },
  );
  app.put(
    '/api/config/apis/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change a provider (apiKey null removes the key)',
        params: ProviderParams,
        body: Body,
        response: { 200: View, ...errorResponses },
      },
    },
    async (request) => services.apiConfigs.put(actor(request), request.params.provider, request.body),
  );
  app.post(
    '/api/config/apis/:provider/test',
    {
      config: admin,
      schema: {
        tags,
        summary:
          'Send one real request to the provider: latency, or what failed (timeout, HTTP error, bad response)',
        params: ProviderParams,
        response: {
          200: z.object({
            provider: z.string(),
            ok: z.boolean(),
            latencyMs: z.number(),
            candidates: z.number(),
            error: z.object({ code: z.string(), message: z.string() }).optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.metadata.test(request.params.provider),
  );
  app.delete(
    '/api/config/apis/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Forget a provider configuration and its key',
        params: ProviderParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.apiConfigs.delete(actor(request), request.params.provider);
      return reply.status(204).send(null);
    },
  );
};
