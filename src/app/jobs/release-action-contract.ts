import { z } from 'zod';
import type { FixPlan } from '../../engine/index.js';
import type { RepackPlan } from '../fix/index.js';
import { GroupTagSchema, TemplateChoiceSchema } from '../pack/pack-request.js';
import { FindingSchema, JobViewSchema } from './job-contract.js';

/**
 * What can be done with a completed pack job's release afterwards (scene rules facts §1.4, §1.7):
 * an NFOFIX, DIRFIX or SAMPLEFIX, a REPACK by the same group or a PROPER by another. Each is a
 * job of its own, linked to the job whose release it fixes (`parentJobId`), so a release's
 * history is the chain of its jobs.
 */

const TimeSchema = z.iso.datetime({ offset: true }).meta({
  description: 'The pack time (ISO 8601); the same time gives the same bytes',
  example: '2026-12-01T20:00:00Z',
});

export const FixJobRequestSchema = z
  .object({
    kind: z.enum(['nfo', 'dir', 'sample']).meta({ description: 'NFOFIX, DIRFIX or SAMPLEFIX (TV)' }),
    nfo: TemplateChoiceSchema.optional().meta({
      description: 'The new NFO (required for an NFOFIX); a DIRFIX or SAMPLEFIX has a default one',
    }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: 'DIRFIX: the dirname the release should have had' }),
    allowDupe: z.boolean().optional().meta({
      description: 'Admins only, audited: write a release name relpack has produced before',
    }),
    time: TimeSchema.optional(),
  })
  .strict()
  .meta({ id: 'FixJobRequest' });
export type FixJobRequest = z.infer<typeof FixJobRequestSchema>;

export const RepackJobRequestSchema = z
  .object({
    proper: z
      .boolean()
      .optional()
      .meta({ description: "A PROPER of another group's release instead of your own REPACK" }),
    reason: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .meta({ description: 'Why (required for a PROPER); written in the NFO' }),
    group: GroupTagSchema.optional().meta({ description: "The group packing it; default: the original's" }),
    allowDupe: z.boolean().optional().meta({
      description: 'Admins only, audited: write a release name relpack has produced before',
    }),
    time: TimeSchema.optional(),
  })
  .strict()
  .meta({ id: 'RepackJobRequest' });
export type RepackJobRequest = z.infer<typeof RepackJobRequestSchema>;

/** A fix or repack as stored on its job; templates are kept as their text, like a pack job's. */
export const ReleaseActionConfigSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('fix'),
      of: z.string(),
      tag: z.string().max(16),
      kind: z.enum(['nfo', 'dir', 'sample']),
      nfoTemplate: z.string().max(200_000).optional(),
      correctName: z.string().max(255).optional(),
      allowDupe: z.boolean().optional(),
      time: z.string(),
    })
    .strict(),
  z
    .object({
      action: z.literal('repack'),
      of: z.string(),
      tag: z.string().max(16),
      proper: z.boolean(),
      reason: z.string().max(2000).optional(),
      group: z.string().max(32).optional(),
      allowDupe: z.boolean().optional(),
      time: z.string(),
    })
    .strict(),
]);
export type ReleaseActionConfig = z.infer<typeof ReleaseActionConfigSchema>;

export function isReleaseActionConfig(config: unknown): config is ReleaseActionConfig {
  return ReleaseActionConfigSchema.safeParse(config).success;
}

export const ReleaseActionPreviewSchema = z
  .object({
    action: z.enum(['fix', 'repack']),
    tag: z.string().meta({ description: 'NFOFIX, NFOFiX, DIRFIX, SAMPLEFIX, REPACK or PROPER' }),
    releaseName: z.string().meta({ description: 'The name the new release will have' }),
    replaces: z.string().meta({ description: 'The release it fixes or replaces' }),
    profile: z.string(),
    nfo: z
      .object({ name: z.string(), text: z.string() })
      .nullable()
      .meta({ description: 'The NFO as it will be written (a repack renders it while packing: null)' }),
    notes: z.string().nullable().meta({ description: 'What a repack says in its NFO' }),
    findings: z.array(FindingSchema),
    warnings: z.array(z.string()).meta({ description: 'What the rules advise against but allow' }),
  })
  .meta({ id: 'ReleaseActionPreview' });
export type ReleaseActionPreview = z.infer<typeof ReleaseActionPreviewSchema>;

/** The one mapper from a planned fix to what every adapter shows of it. */
export function fixPreviewOf(plan: FixPlan, warnings: readonly string[] = []): ReleaseActionPreview {
  return {
    action: 'fix',
    tag: plan.tag,
    releaseName: plan.releaseName,
    replaces: plan.fixes,
    profile: plan.profile,
    nfo: { name: plan.nfo.name, text: plan.nfo.text },
    notes: null,
    findings: [...plan.findings],
    warnings: [...warnings],
  };
}

/** The same for a planned REPACK or PROPER (its NFO is rendered while packing). */
export function repackPreviewOf(plan: RepackPlan, warnings: readonly string[] = []): ReleaseActionPreview {
  return {
    action: 'repack',
    tag: plan.tag,
    releaseName: plan.releaseName,
    replaces: plan.replaces,
    profile: plan.profile,
    nfo: null,
    notes: plan.notes,
    findings: [],
    warnings: [...plan.warnings, ...warnings],
  };
}

export const ReleaseHistoryEntrySchema = z
  .object({
    job: JobViewSchema,
    relation: z.enum(['original', 'fix', 'repack', 'proper']),
    tag: z.string().nullable().meta({ description: 'The fix or repack tag; null for the original' }),
  })
  .meta({ id: 'ReleaseHistoryEntry' });

export const ReleaseHistorySchema = z.object({ items: z.array(ReleaseHistoryEntrySchema) }).meta({
  id: 'ReleaseHistory',
  description: 'The original pack job, then its fixes and repacks, oldest first',
});

export const ReleaseNameQuerySchema = z.object({
  q: z.string().max(255).optional().describe('only names containing this text (any case)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ReleaseNameQuery = z.infer<typeof ReleaseNameQuerySchema>;

export const ReleaseNameSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['pack', 'fix', 'repack', 'proper']),
    jobId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReleaseName' });

export const ReleaseNamePageSchema = z
  .object({ items: z.array(ReleaseNameSchema), total: z.number(), limit: z.number(), offset: z.number() })
  .meta({ id: 'ReleaseNamePage' });
export type ReleaseNamePage = z.infer<typeof ReleaseNamePageSchema>;
