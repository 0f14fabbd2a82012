import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listProfileViews, ProfileListSchema } from '../../app/index.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

/** The rule profiles, with what the wizard offers from them (formats, volume sizes, sample, NFO width). */
export const profileRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app) => {
  app.get(
    '/api/profiles',
    {
      schema: {
        tags: ['wizard'],
        summary: 'Rule profiles: release type, archive formats, allowed volume sizes, sample and NFO limits',
        response: { 200: ProfileListSchema, ...errorResponses },
      },
    },
    async () => ({ items: listProfileViews() }),
  );
};
