import { z } from 'zod';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';
import {
  GroupTagSchema,
  MetaSchema,
  ProfileIdSchema,
  RarFormatSchema,
  VolumeSizeSchema,
} from '../pack/pack-request.js';

/** One schema per wizard step; the whole state is their union, each step optional until pack time. */
export const WizardSteps = {
  type: z.object({ releaseType: ReleaseTypeSchema, profile: ProfileIdSchema.optional() }),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local'), path: z.string().min(1).max(4096) }),
    z.object({ kind: z.literal('url'), url: z.string().min(1).max(4096) }),
  ]),
  metadata: z.object({
    meta: MetaSchema.default({}),
    /** Ask the metadata providers for candidates (shown with their scores); `provider` pins one provider, `provider:id` one record. */
    lookup: z.boolean().optional(),
    provider: z.string().max(100).optional(),
  }),
  naming: z.object({
    group: GroupTagSchema.optional(),
    name: z.string().min(1).max(255).optional(),
  }),
  nfo: z
    .object({
      /** A saved template (id or name), or `body`, the text itself: one or neither, never both. */
      templateId: z.string().max(128).optional(),
      body: z.string().max(200_000).optional(),
      dizTemplateId: z.string().max(128).optional(),
      notes: z.string().max(4000).optional(),
    })
    .refine((n) => n.templateId === undefined || n.body === undefined, {
      message: 'give a templateId or a body, not both',
      path: ['body'],
    }),
  packing: z.object({
    volumeSize: VolumeSizeSchema.nullable().optional(),
    rarFormat: RarFormatSchema.optional(),
    sample: z.boolean().optional(),
  }),
  delivery: z.object({ destinations: z.array(z.string().max(64)).max(20).default([]) }),
} as const;

export type WizardStep = keyof typeof WizardSteps;
export const WIZARD_STEPS = [
  'type',
  'source',
  'metadata',
  'naming',
  'nfo',
  'packing',
  'delivery',
] as const satisfies readonly WizardStep[];

export const WizardStateSchema = z
  .object({
    type: WizardSteps.type,
    source: WizardSteps.source,
    metadata: WizardSteps.metadata.optional(),
    naming: WizardSteps.naming.optional(),
    nfo: WizardSteps.nfo.optional(),
    packing: WizardSteps.packing.optional(),
    delivery: WizardSteps.delivery.optional(),
    overrides: z.array(z.string().max(64)).max(50).optional(),
  })
  .meta({ id: 'WizardState' });

export type WizardState = z.infer<typeof WizardStateSchema>;
/** A state in progress: any step may be missing. */
export const PartialWizardStateSchema = WizardStateSchema.partial().meta({ id: 'PartialWizardState' });
export type PartialWizardState = z.infer<typeof PartialWizardStateSchema>;
