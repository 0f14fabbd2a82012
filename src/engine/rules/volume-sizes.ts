import { groupThousands } from '../text/group-thousands.js';
import type { RuleProfile, VolumeSizeRule } from './profile.js';

/** The size rule for a resolution class (`SD`, `720p`, …), falling back to the profile default. */
export function allowedVolumeSizeRule(profile: RuleProfile, sizeClass?: string): VolumeSizeRule {
  const sizes = profile.packaging.archive.volumeSizes;
  return (sizeClass ? sizes[sizeClass] : undefined) ?? sizes.default!;
}

export function isAllowedVolumeSize(rule: VolumeSizeRule, size: number): boolean {
  if (rule.fixed.includes(size)) return true;
  return rule.multipleOf !== null && size > 0 && size % rule.multipleOf === 0;
}

export function describeVolumeSizes(rule: VolumeSizeRule): string {
  const parts = rule.fixed.map((n) => groupThousands(n));
  if (rule.multipleOf !== null) parts.push(`any multiple of ${groupThousands(rule.multipleOf)}`);
  return parts.join(', ');
}
