import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const Resolved = z
  .object({
    key: z.string(),
    value: z.unknown(),
    source: z.enum(['user', 'global', 'default']),
    default: z.unknown(),
    description: z.string(),
  })
  .meta({ id: 'Preference' });
const KeyParams = z.object({ key: z.string().min(1).max(128) });
const Values = z.record(z.string().max(128), z.unknown());
const ExportDoc = z
  .object({
    format: z.literal('relpack-preferences'),
    version: z.literal(1),
    scope: z.enum(['user', 'global']),
    preferences: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PreferencesExport' });
const ImportResult = z.object({
  dryRun: z.boolean(),
  changes: z.array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() })),
});

export const preferenceRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const prefs = services.preferences;
  const admin = { access: 'admin' as const };
  const tags = ['preferences'];

  app.get(
    '/api/preferences',
    {
      schema: {
        tags,
        summary: 'Your preferences, resolved user → global → default, with where each came from',
        response: { 200: z.object({ items: z.array(Resolved) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await prefs.resolveAll(requireAuth(request).userId) }),
  );
  app.post(
    '/api/preferences',
    {
      schema: {
        tags,
        summary: 'Set several of your preferences at once',
        body: Values,
        response: { 200: z.object({ items: z.array(Resolved) }), ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      await prefs.setUser(userId, request.body);
      return { items: await prefs.resolveAll(userId) };
    },
  );

  // Export and import work the same for a user's values and (admins) the global ones.
  for (const scope of ['user', 'global'] as const) {
    const prefix = scope === 'user' ? '/api/preferences' : '/api/preferences/global';
    const config = { access: scope === 'user' ? ('user' as const) : ('admin' as const) };
    const who = scope === 'user' ? 'Your preferences' : 'Global values';
    app.post(
      `${prefix}/export`,
      {
        config,
        schema: {
          tags,
          summary: `${who} as a JSON document`,
          response: { 200: ExportDoc, ...errorResponses },
        },
      },
      async (request) => prefs.export(scope, requireAuth(request).userId),
    );
    app.post(
      `${prefix}/import`,
      {
        config,
        schema: {
          tags,
          summary: `Import ${who.toLowerCase()} (every entry validated first); ?dryRun=true lists the changes only`,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          body: z.unknown(),
          response: { 200: ImportResult, ...errorResponses },
        },
      },
      async (request) => {
        const dryRun = request.query.dryRun === 'true';
        return {
          dryRun,
          changes: await prefs.import(scope, requireAuth(request).userId, request.body, dryRun),
        };
      },
    );
  }

  app.get(
    '/api/preferences/global',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Global values (the fallback for every user)',
        response: { 200: z.object({ values: Values }), ...errorResponses },
      },
    },
    async () => ({ values: await prefs.globalValues() }),
  );
  app.post(
    '/api/preferences/global',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set several global values',
        body: Values,
        response: { 200: z.object({ values: Values }), ...errorResponses },
      },
    },
    async (request) => {
      await prefs.setGlobal(request.body, requireAuth(request).userId);
      return { values: await prefs.globalValues() };
    },
  );
  app.put(
    '/api/preferences/global/:key',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set one global value',
        params: KeyParams,
        body: z.object({ value: z.unknown() }),
        response: { 200: z.object({ values: Values }), ...errorResponses },
      },
    },
    async (request) => {
      await prefs.setGlobal({ [request.params.key]: request.body.value }, requireAuth(request).userId);
      return { values: await prefs.globalValues() };
    },
  );
  app.delete(
    '/api/preferences/global/:key',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Remove a global value (users fall back to the default)',
        params: KeyParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await prefs.unsetGlobal(request.params.key);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/preferences/:key',
    {
      schema: {
        tags,
        summary: 'One preference, resolved',
        params: KeyParams,
        response: { 200: Resolved, ...errorResponses },
      },
    },
    async (request) => prefs.resolve(requireAuth(request).userId, request.params.key),
  );
  app.put(
    '/api/preferences/:key',
    {
      schema: {
        tags,
        summary: 'Set one of your preferences',
        params: KeyParams,
        body: z.object({ value: z.unknown() }),
        response: { 200: Resolved, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      await prefs.setUser(userId, { [request.params.key]: request.body.value });
      return prefs.resolve(userId, request.params.key);
    },
  );
  app.delete(
    '/api/preferences/:key',
    {
      schema: {
        tags,
        summary: 'Remove your value (fall back to global, then default)',
        params: KeyParams,
        response: { 200: Resolved, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      await prefs.unsetUser(userId, request.params.key);
      return prefs.resolve(userId, request.params.key);
    },
  );
};
