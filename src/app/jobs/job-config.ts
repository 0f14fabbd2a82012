import { z } from 'zod';
import { PackJobFields, refineOneSource } from '../pack/pack-request.js';

/**
 * Everything needed to run (and rerun) a pack job; stored as the job's config. Templates are
 * stored as their text at creation, so editing a template later does not change a rerun.
 */
export const PackJobConfigSchema = refineOneSource(
  PackJobFields.extend({
    profile: z.string().max(32).optional(),
    nfoTemplate: z.string().max(200_000).optional(),
    dizTemplate: z.string().max(20_000).optional(),
  }).strict(),
);

export type PackJobConfig = z.infer<typeof PackJobConfigSchema>;
