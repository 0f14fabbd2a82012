import { z } from 'zod';

/** Everything needed to run (and rerun) a pack job; stored as the job's config. */
export const PackJobConfigSchema = z
  .object({
    type: z.enum(['ebook', 'tv']),
    /** A local file (inside the source roots for API callers). */
    source: z.string().min(1).max(4096).optional(),
    /** Or an http(s) URL the job downloads first. */
    sourceUrl: z.string().min(1).max(4096).optional(),
    group: z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'letters and digits'),
    profile: z.string().max(32).optional(),
    name: z.string().min(1).max(255).optional(),
    meta: z.record(z.string().max(64), z.string().max(4000)).optional(),
    volumeSize: z
      .number()
      .int()
      .positive()
      .max(2 ** 40)
      .optional(),
    rarFormat: z.enum(['rar4', 'rar5']).optional(),
    sample: z.boolean().optional(),
    nfoTemplate: z.string().max(200_000).optional(),
    dizTemplate: z.string().max(20_000).optional(),
    overrides: z.array(z.string().max(64)).max(50).optional(),
    /** Destinations (ids or names) to upload to once the pack completed. */
    destinations: z.array(z.string().min(1).max(128)).max(20).optional(),
  })
  .strict()
  .refine((c) => (c.source === undefined) !== (c.sourceUrl === undefined), {
    message: 'give exactly one of source (a local path) or sourceUrl (an http(s) URL)',
    path: ['source'],
  });

export type PackJobConfig = z.infer<typeof PackJobConfigSchema>;
