import { z } from 'zod';

/** Everything needed to run (and rerun) a pack job; stored as the job's config. */
export const PackJobConfigSchema = z
  .object({
    type: z.enum(['ebook', 'tv']),
    source: z.string().min(1).max(4096),
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
  })
  .strict();

export type PackJobConfig = z.infer<typeof PackJobConfigSchema>;
