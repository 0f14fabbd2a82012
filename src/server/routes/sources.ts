import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { browseSources, SourceErrorCode, uploadedBytes } from '../../app/index.js';
import { detectSourceType, RelpackError } from '../../engine/index.js';
import { requireAuth } from '../plugins/access-guard.js';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const ALL_TYPES = ['epub', 'pdf', 'cbz', 'mobi', 'azw', 'azw3', 'kf8', 'prc', 'mkv'];
const Entry = z.object({
  name: z.string(),
  path: z.string(),
  type: z.enum(['dir', 'file']),
  size: z.number().nullable(),
  modifiedAt: z.string(),
  releaseType: z.enum(['ebook', 'tv']).nullable(),
});

export const sourceRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const { config } = services;
  const tags = ['sources'];

  app.get(
    '/api/sources/browse',
    {
      schema: {
        tags,
        summary: 'List a directory inside the allowed source roots (no path: the roots)',
        querystring: z.object({ path: z.string().max(4096).optional() }),
        response: {
          200: z.object({ path: z.string().nullable(), entries: z.array(Entry) }),
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
          201: z.object({ path: z.string(), name: z.string(), size: z.number(), type: z.string() }),
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
      // An upload may take what is left of its uploader's quota, and never more than the file limit.
      const mine = services.sourceRoots.uploadDirOf(uploader.userId);
      const room = config.uploadQuotaBytes - (await uploadedBytes(mine));
      if (room <= 0) throw quotaExceeded(config.uploadQuotaBytes);
      const limit = Math.min(config.uploadLimitBytes, room);
      const file = await request.file({ limits: { fileSize: limit, files: 1, fields: 5 } });
      if (!file) throw new RelpackError('VALIDATION_FAILED', 'No file in the upload', {});
      const name =
        file.filename
          .replace(/[^A-Za-z0-9._ -]+/g, '_')
          .replace(/^\.+/, '')
          .slice(0, 200) || 'upload';
      const dir = join(services.sourceRoots.uploadDirOf(uploader.userId), randomUUID());
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const part = join(dir, `.${name}.part`);
      const final = join(dir, name);
      try {
        await pipeline(file.file, createWriteStream(part, { flags: 'wx', mode: 0o600 }));
        if (file.file.truncated && limit < config.uploadLimitBytes)
          throw quotaExceeded(config.uploadQuotaBytes);
        if (file.file.truncated) {
          throw new RelpackError(
            'DOWNLOAD_TOO_LARGE',
            `The upload is over the limit of ${config.uploadLimitBytes} bytes`,
            {
              limit: config.uploadLimitBytes,
            },
          );
        }
        const type = await detectSourceType(
          part.replace(/\.part$/, '') === final ? final : await renameTo(part, final),
          ALL_TYPES,
        );
        const size = (await stat(final)).size;
        return reply.status(201).send({ path: final, name, size, type });
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    },
  );
};

function quotaExceeded(quota: number): RelpackError {
  return new RelpackError(
    SourceErrorCode.UPLOAD_QUOTA_EXCEEDED,
    `Your uploads would take more than your quota of ${quota} bytes; delete uploads you packed, or ask an admin to raise RELPACK_UPLOAD_QUOTA_BYTES`,
    { quota },
  );
}

async function renameTo(from: string, to: string): Promise<string> {
  await rename(from, to);
  return to;
}
