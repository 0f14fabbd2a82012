import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  GlobalValueSchema,
  GlobalValuesSchema,
  ImportResultSchema,
  OneValueSchema,
  PreferenceExportSchema,
  PreferenceListSchema,
  PreferenceValuesSchema,
  ResolvedPreferenceSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const KeyParams = z.object({ key: z.string().min(1).max(128) });

export const preferenceRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const prefs = services.preferences;
  const admin = { access: 'admin' as const };
  const tags = ['preferences'];

  // `/api/wizard/preferences` is the name the wizard's first version used: the same two routes.
  for (const path of ['/api/preferences', '/api/wizard/preferences']) {
    const alias = path !== '/api/preferences';
    app.get(
      path,
      {
        schema: {
          tags,
          summary: alias
            ? 'Alias of GET /api/preferences'
            : 'Your preferences, resolved user → global → default, with where each came from',
          response: { 200: PreferenceListSchema, ...errorResponses },
        },
      },
      async (request) => ({ items: await prefs.resolveAll(requireAuth(request).userId) }),
    );
    app.post(
      path,
      {
        schema: {
          tags,
          summary: alias ? 'Alias of POST /api/preferences' : 'Set several of your preferences at once',
          body: PreferenceValuesSchema,
          response: { 200: PreferenceListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { userId } = requireAuth(request);
        await prefs.setUser(userId, request.body);
        return { items: await prefs.resolveAll(userId) };
      },
    );
  }

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
          response: { 200: PreferenceExportSchema, ...errorResponses },
        },
      },
      async (request) => prefs.export(requireAuth(request), scope),
    );
    app.post(
      `${prefix}/import`,
      {
        config,
        schema: {
          tags,
          summary: `Import ${who.toLowerCase()} (every entry validated first); ?dryRun=true lists the changes only`,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          body: PreferenceExportSchema,
          response: { 200: ImportResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const dryRun = request.query.dryRun === 'true';
        return {
          dryRun,
          changes: await prefs.import(requireAuth(request), scope, request.body, dryRun),
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
        response: { 200: GlobalValuesSchema, ...errorResponses },
      },
    },
    async (request) => ({ values: await prefs.globalValues(requireAuth(request)) }),
  );
  app.get(
    '/api/preferences/global/:key',
    {
      config: admin,
      schema: {
        tags,
        summary: 'One global value (set: false when there is none)',
        params: KeyParams,
        response: { 200: GlobalValueSchema, ...errorResponses },
      },
    },
    async (request) => prefs.globalValue(requireAuth(request), request.params.key),
  );
  app.post(
    '/api/preferences/global',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Set several global values',
        body: PreferenceValuesSchema,
        response: { 200: GlobalValuesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireAuth(request);
      await prefs.setGlobal(caller, request.body);
      return { values: await prefs.globalValues(caller) };
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
        body: OneValueSchema,
        response: { 200: GlobalValuesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const caller = requireAuth(request);
      await prefs.setGlobal(caller, { [request.params.key]: request.body.value });
      return { values: await prefs.globalValues(caller) };
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
      await prefs.unsetGlobal(requireAuth(request), request.params.key);
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
        response: { 200: ResolvedPreferenceSchema, ...errorResponses },
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
        body: OneValueSchema,
        response: { 200: ResolvedPreferenceSchema, ...errorResponses },
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
        response: { 200: ResolvedPreferenceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = requireAuth(request);
      await prefs.unsetUser(userId, request.params.key);
      return prefs.resolve(userId, request.params.key);
    },
  );
};
