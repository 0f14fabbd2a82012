import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../schemas.js';
import type { ServerDeps } from '../server-deps.js';

const Candidate = z.object({
  provider: z.string(),
  id: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number().nullable(),
  publisher: z.string().nullable(),
  isbn: z.string().nullable(),
  pages: z.number().nullable(),
  language: z.string().nullable(),
  score: z.number(),
});

export const metadataRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  app.post(
    '/api/metadata/lookup',
    {
      schema: {
        tags: ['metadata'],
        summary: 'Book candidates with scores through the provider chain (or one pinned provider)',
        body: z
          .object({
            isbn: z.string().max(20).optional(),
            title: z.string().max(500).optional(),
            author: z.string().max(500).optional(),
            year: z.number().int().min(1000).max(2100).optional(),
            provider: z.string().max(32).optional(),
          })
          .refine((b) => b.isbn || b.title, 'give an isbn or a title'),
        response: {
          200: z.object({
            candidates: z.array(Candidate),
            tried: z.array(
              z.object({ provider: z.string(), outcome: z.string(), error: z.string().optional() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { provider, ...query } = request.body;
      const result = await services.metadata.lookupBook(query, provider ? { provider } : {});
      return {
        candidates: [...result.candidates].map((c) => ({ ...c, authors: [...c.authors] })),
        tried: [...result.tried],
      };
    },
  );
};
