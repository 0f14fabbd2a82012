import { z } from 'zod';
import { listProfiles, type RuleProfile } from '../../engine/index.js';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';
import { ProfileIdSchema, RarFormatSchema } from '../pack/pack-request.js';

const SizeRuleSchema = z.object({ fixed: z.array(z.number()), multipleOf: z.number().nullable() });

/** A rule profile as the wizard and `relpack rules` see it: what it allows, and its checks. */
export const ProfileViewSchema = z
  .object({
    id: ProfileIdSchema,
    name: z.string(),
    releaseType: ReleaseTypeSchema,
    ruleset: z.string(),
    version: z.number(),
    rarFormats: z.array(RarFormatSchema),
    volumeSizes: z
      .record(z.string(), SizeRuleSchema)
      .meta({ description: 'Allowed sizes per resolution class' }),
    maxVolumes: z.number(),
    sample: z.boolean(),
    nfoMaxWidth: z.number(),
    checks: z.array(
      z.object({ id: z.string(), severity: z.enum(['block', 'warn']), message: z.string(), ref: z.string() }),
    ),
  })
  .meta({ id: 'RuleProfile' });
export type ProfileView = z.infer<typeof ProfileViewSchema>;

export const ProfileListSchema = z.object({ items: z.array(ProfileViewSchema) });

export function toProfileView(p: RuleProfile): ProfileView {
  return {
    id: ProfileIdSchema.parse(p.id),
    name: p.name,
    releaseType: p.releaseType,
    ruleset: p.ruleset,
    version: p.version,
    rarFormats: [...p.packaging.archive.formats],
    volumeSizes: Object.fromEntries(
      Object.entries(p.packaging.archive.volumeSizes).map(([k, v]) => [
        k,
        { fixed: [...v.fixed], multipleOf: v.multipleOf },
      ]),
    ),
    maxVolumes: p.packaging.archive.maxVolumes,
    sample: p.packaging.sample !== null,
    nfoMaxWidth: p.packaging.nfo.maxWidth,
    checks: p.checks.map((c) => ({ id: c.id, severity: c.severity, message: c.message, ref: c.ref })),
  };
}

export function listProfileViews(): ProfileView[] {
  return listProfiles().map(toProfileView);
}
