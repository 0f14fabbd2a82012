import { z } from 'zod';

export const BookCandidateSchema = z
  .object({
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
  })
  .meta({ id: 'BookCandidate' });

export const VideoCandidateSchema = z
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

const TriedSchema = z.array(
  z.object({ provider: z.string(), outcome: z.string(), error: z.string().optional() }),
);

export const BookLookupSchema = z
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
  .refine((b) => !b.id || b.provider, 'an id belongs to a provider: give `provider` with it')
  .meta({ id: 'BookLookup' });
export type BookLookup = z.infer<typeof BookLookupSchema>;

export const VideoLookupSchema = z
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
  .refine((b) => !b.id || b.provider, 'an id belongs to a provider: give `provider` with it')
  .meta({ id: 'VideoLookup' });
export type VideoLookup = z.output<typeof VideoLookupSchema>;

export const BookLookupResultSchema = z.object({
  candidates: z.array(BookCandidateSchema),
  tried: TriedSchema,
});
export type BookLookupResult = z.infer<typeof BookLookupResultSchema>;
export const VideoLookupResultSchema = z.object({
  candidates: z.array(VideoCandidateSchema),
  tried: TriedSchema,
});
export type VideoLookupResult = z.infer<typeof VideoLookupResultSchema>;
