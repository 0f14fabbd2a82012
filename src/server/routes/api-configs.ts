import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiConfigCreateSchema, ApiConfigInputSchema, ApiConfigViewSchema } from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const ProviderParams = z.object({ provider: z.string().min(1).max(32) });

export const apiConfigRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const admin = { access: 'admin' as const };
  const tags = ['config'];
  const actor = (request: Parameters<typeof requireAuth>[0]) => ({ ...requireAuth(request), ip: request.ip });

  app.get(
    '/api/config/apis',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Metadata providers: enabled, whether a key is set (never the key)',
        response: { 200: z.object({ items: z.array(ApiConfigViewSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await services.apiConfigs.list(requireAuth(request)) }),
  );
  app.get(
    '/api/config/apis/:provider',
    {
      config: admin,
      schema: {
        tags,
        summary: 'One provider',
        params: ProviderParams,
        response: { 200: ApiConfigViewSchema, ...errorResponses },
      },
    },
    async (request) => services.apiConfigs.get(requireAuth(request), request.params.provider),
  );
  app.post(
    '/api/config/apis',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Configure a provider',
        body: ApiConfigCreateSchema,
        response: { 201: ApiConfigViewSchema, ...errorResponses },
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
        body: ApiConfigInputSchema,
        response: { 200: ApiConfigViewSchema, ...errorResponses },
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
