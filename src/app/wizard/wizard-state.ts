import { z } from 'zod';

const Meta = z.record(z.string().max(64), z.string().max(4000));

/** One schema per wizard step; the whole state is their union, each step optional until pack time. */
export const WizardSteps = {
  type: z.object({ releaseType: z.enum(['ebook', 'tv']), profile: z.string().max(32).optional() }),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local'), path: z.string().min(1).max(4096) }),
    z.object({ kind: z.literal('url'), url: z.string().min(1).max(4096) }),
  ]),
  metadata: z.object({
    meta: Meta.default({}),
    /** Ask the metadata providers for candidates (shown with their scores); `provider` pins one provider, `provider:id` one record. */
    lookup: z.boolean().optional(),
    provider: z.string().max(100).optional(),
  }),
  naming: z.object({
    group: z
      .string()
      .regex(/^[A-Za-z0-9_]{1,32}$/, 'letters and digits')
      .optional(),
    name: z.string().min(1).max(255).optional(),
  }),
  nfo: z.object({
    templateId: z.string().max(64).optional(),
    body: z.string().max(200_000).optional(),
    dizTemplateId: z.string().max(64).optional(),
    notes: z.string().max(4000).optional(),
  }),
  packing: z.object({
    volumeSize: z
      .number()
      .int()
      .positive()
      .max(2 ** 40)
      .nullable()
      .optional(),
    rarFormat: z.enum(['rar4', 'rar5']).optional(),
    sample: z.boolean().optional(),
  }),
  delivery: z.object({ destinations: z.array(z.string().max(64)).max(20).default([]) }),
} as const;

export type WizardStep = keyof typeof WizardSteps;
export const WIZARD_STEPS = Object.keys(WizardSteps) as WizardStep[];

export const WizardStateSchema = z.object({
  type: WizardSteps.type,
  source: WizardSteps.source,
  metadata: WizardSteps.metadata.optional(),
  naming: WizardSteps.naming.optional(),
  nfo: WizardSteps.nfo.optional(),
  packing: WizardSteps.packing.optional(),
  delivery: WizardSteps.delivery.optional(),
  overrides: z.array(z.string().max(64)).max(50).optional(),
});

export type WizardState = z.infer<typeof WizardStateSchema>;
/** A state in progress: any step may be missing. */
export const PartialWizardStateSchema = WizardStateSchema.partial();
export type PartialWizardState = z.infer<typeof PartialWizardStateSchema>;
