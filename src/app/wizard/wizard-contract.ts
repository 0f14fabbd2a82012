import { z } from 'zod';
import { FindingSchema } from '../jobs/job-contract.js';
import type { PackReleaseResult } from '../pack/pack-release.js';
import { PartialWizardStateSchema, WIZARD_STEPS, WizardStateSchema } from './wizard-state.js';

/** `POST /api/wizard/step/validate`: one step's fields, checked with what the earlier steps chose. */
export const StepRequestSchema = z
  .object({
    step: z.enum(WIZARD_STEPS),
    data: z.unknown().meta({
      description: "The step's fields (the matching part of WizardState); field errors come back as errors",
    }),
    state: PartialWizardStateSchema.optional(),
  })
  .meta({ id: 'WizardStepRequest' });

export const StepResultSchema = z
  .object({
    ok: z.boolean(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
    findings: z.array(FindingSchema),
    info: z.record(z.string(), z.unknown()).meta({
      description: 'What the step learnt: the file type, metadata read from the file, the built name…',
    }),
  })
  .meta({ id: 'WizardStepResult' });
export type StepResult = z.infer<typeof StepResultSchema>;

export { WizardStateSchema };

/** `POST /api/wizard/preview`: the plan a pack of this state would write, nothing written. */
export const WizardPreviewSchema = z
  .object({
    releaseName: z.string(),
    profile: z.string(),
    notes: z.array(z.string()),
    volumeSize: z.number(),
    volumes: z.array(z.object({ name: z.string(), size: z.number() })),
    disks: z.array(z.object({ zip: z.string(), volume: z.string(), diz: z.string() })).nullable(),
    nfo: z.object({ name: z.string(), text: z.string() }),
    sfv: z.string().nullable(),
    sample: z.object({ path: z.string(), startSeconds: z.number(), endSeconds: z.number() }).nullable(),
    findings: z.array(FindingSchema),
  })
  .meta({ id: 'WizardPreview' });
export type WizardPreview = z.infer<typeof WizardPreviewSchema>;

export function toWizardPreview(plan: PackReleaseResult): WizardPreview {
  return {
    releaseName: plan.releaseName,
    profile: plan.profile,
    notes: [...plan.notes],
    volumeSize: plan.volumeSize,
    volumes: [...plan.volumes],
    disks: plan.disks ? [...plan.disks] : null,
    nfo: plan.nfo,
    sfv: plan.sfv,
    sample: plan.sample,
    findings: [...plan.findings],
  };
}
