import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BrowseQuerySchema,
  browseSources,
  SourceListingSchema,
  UploadedSourceSchema,
} from '../../app/index.js';
import { RelpackError } from '../../errors/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

export const sourceRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const tags = ['sources'];

  app.get(
    '/api/sources/browse',
    {
      schema: {
        tags,
        summary: 'List a directory inside the allowed source roots (no path: the roots)',
        querystring: BrowseQuerySchema,
        response: {
          200: SourceListingSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => browseSources(services.sourceRoots.for(requireAuth(request)), request.query.path),
  );

  app.post(
    '/api/sources/upload',
    {
      schema: {
        tags,
        summary: 'Upload a source file (multipart, one file field); streamed to disk, checked by content',
        consumes: ['multipart/form-data'],
        response: {
          201: UploadedSourceSchema,
          ...errorResponses,
          413: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const uploader = requireAuth(request);
      if (!request.isMultipart()) {
        throw new RelpackError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data', {});
      }
      const limit = await services.uploads.room(uploader.userId);
      const file = await request.file({ limits: { fileSize: limit, files: 1, fields: 5 } });
      if (!file) throw new RelpackError('VALIDATION_FAILED', 'No file in the upload', {});
      const stored = await services.uploads.store(uploader.userId, limit, {
        filename: file.filename,
        stream: file.file,
        truncated: () => file.file.truncated,
      });
      return reply.status(201).send(stored);
    },
  );
};
