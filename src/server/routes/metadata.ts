import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BookLookupResultSchema,
  BookLookupSchema,
  VideoLookupResultSchema,
  VideoLookupSchema,
} from '../../app/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const metadataRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  app.post(
    '/api/metadata/lookup/video',
    {
      schema: {
        tags: ['metadata'],
        summary:
          'Film, show or episode candidates with scores through the provider chain (the metadata.videoProviders preference) or one pinned provider',
        body: VideoLookupSchema,
        response: { 200: VideoLookupResultSchema, ...errorResponses },
      },
    },
    async (request) => services.metadata.videos(requireAuth(request), request.body),
  );

  app.post(
    '/api/metadata/lookup',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Book candidates with scores through the provider chain (or one pinned provider)',
        body: BookLookupSchema,
        response: {
          200: BookLookupResultSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => services.metadata.books(requireAuth(request), request.body),
  );
};
