import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../plugins/access-guard.js';
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

const VideoCandidate = z
  .object({
    provider: z.string(),
    id: z.string(),
    kind: z.enum(['series', 'movie', 'episode']),
    title: z.string(),
    year: z.number().nullable(),
    season: z.number().nullable(),
    episode: z.number().nullable(),
    episodeTitle: z.string().nullable(),
    airDate: z.string().nullable(),
    imdbId: z.string().nullable(),
    score: z.number(),
  })
  .meta({ id: 'VideoCandidate' });
const Tried = z.array(z.object({ provider: z.string(), outcome: z.string(), error: z.string().optional() }));

export const metadataRoutes: FastifyPluginAsyncZod<ServerDeps> = async (app, { services }) => {
  const preference = async (userId: string, key: string) =>
    (await services.preferences.resolveAll(userId)).find((p) => p.key === key)?.value;

  app.post(
    '/api/metadata/lookup/video',
    {
      schema: {
        tags: ['metadata'],
        summary:
          'Film, show or episode candidates with scores through the provider chain (the metadata.videoProviders preference) or one pinned provider',
        body: z
          .object({
            kind: z.enum(['episode', 'movie']).default('episode'),
            title: z.string().min(1).max(500).optional(),
            year: z.number().int().min(1880).max(2100).optional(),
            season: z.number().int().min(0).max(9999).optional(),
            episode: z.number().int().min(0).max(99999).optional(),
            imdbId: z
              .string()
              .regex(/^tt\d{5,10}$/)
              .optional(),
            provider: z.string().max(32).optional(),
            id: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe('pin this record of `provider` (its own id) instead of searching'),
          })
          .strict()
          .refine((b) => b.title || b.imdbId || b.id, 'give a title, an imdbId, or a provider and its id')
          .refine((b) => !b.id || b.provider, 'an id belongs to a provider: give `provider` with it'),
        response: { 200: z.object({ candidates: z.array(VideoCandidate), tried: Tried }), ...errorResponses },
      },
    },
    async (request) => {
      const { provider, id, ...query } = request.body;
      const chain = (await preference(requireAuth(request).userId, 'metadata.videoProviders')) as string[];
      const result =
        id && provider
          ? await services.metadata.getVideo(provider, {
              id,
              kind: query.kind === 'movie' ? 'movie' : query.season !== undefined ? 'episode' : 'series',
              ...(query.season !== undefined ? { season: query.season } : {}),
              ...(query.episode !== undefined ? { episode: query.episode } : {}),
            })
          : await services.metadata.lookupVideo(query, provider ? { provider } : { chain });
      return { candidates: [...result.candidates], tried: [...result.tried] };
    },
  );

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
            id: z
              .string()
              .min(1)
              .max(64)
              .optional()
              .describe(
                'pin this record of `provider`: an ISBN or OL…M edition (openlibrary), a volume id (googlebooks)',
              ),
          })
          .refine((b) => b.isbn || b.title || b.id, 'give an isbn, a title, or a provider and its id')
          .refine((b) => !b.id || b.provider, 'an id belongs to a provider: give `provider` with it'),
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
      const { provider, id, ...query } = request.body;
      const chain = (await preference(requireAuth(request).userId, 'metadata.bookProviders')) as string[];
      const result =
        id && provider
          ? await services.metadata.getBook(provider, id)
          : await services.metadata.lookupBook(query, provider ? { provider } : { chain });
      return {
        candidates: [...result.candidates].map((c) => ({ ...c, authors: [...c.authors] })),
        tried: [...result.tried],
      };
    },
  );
};
