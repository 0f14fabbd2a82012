import { planRarVolumes, type RarFormat, type RarInputFile, type VolumeNaming } from '../rar/index.js';
import {
  describeVolumeSizes,
  isAllowedVolumeSize,
  type RuleProfile,
  type VolumeSizeRule,
} from '../rules/index.js';
import { groupThousands } from '../text/group-thousands.js';
import { PackError, PackErrorCode } from './pack-error.js';

export interface VolumeSizeChoiceInput {
  readonly profile: RuleProfile;
  readonly rule: VolumeSizeRule;
  readonly file: RarInputFile;
  readonly format: RarFormat;
  readonly naming: VolumeNaming;
  readonly requested?: number;
}

/**
 * The size the profile allows for this file: the requested one if it is allowed and fits the
 * volume limit, else the smallest allowed size that keeps the count within the limit (so the
 * TV "10 volumes before the next multiple" rule holds by construction).
 */
export function chooseVolumeSize(input: VolumeSizeChoiceInput): { volumeSize: number; volumeCount: number } {
  const { rule, profile } = input;
  const max = profile.packaging.archive.maxVolumes;
  const count = (volumeSize: number) =>
    planRarVolumes({
      files: [input.file],
      format: input.format,
      naming: input.naming,
      volumeSize,
      baseName: 'x',
    }).volumes.length;
  if (input.requested !== undefined) {
    if (!isAllowedVolumeSize(rule, input.requested)) {
      throw new PackError(
        PackErrorCode.VOLUME_SIZE_NOT_ALLOWED,
        `Volume size ${groupThousands(input.requested)} is not allowed by ${profile.id}; allowed: ${describeVolumeSizes(rule)}`,
        { requested: input.requested, allowed: describeVolumeSizes(rule) },
      );
    }
    const volumeCount = count(input.requested);
    if (volumeCount > max) {
      throw new PackError(
        PackErrorCode.TOO_MANY_VOLUMES,
        `${volumeCount} volumes of ${groupThousands(input.requested)} bytes exceed the limit of ${max}; choose a larger size`,
        { volumeCount, max },
      );
    }
    return { volumeSize: input.requested, volumeCount };
  }
  const candidates = [...rule.fixed].sort((a, b) => a - b);
  if (rule.multipleOf !== null) {
    const needed = Math.ceil(input.file.size / max / rule.multipleOf) + 1;
    for (let k = 1; k <= needed; k++) candidates.push(k * rule.multipleOf);
  }
  for (const volumeSize of [...new Set(candidates)].sort((a, b) => a - b)) {
    const volumeCount = count(volumeSize);
    if (volumeCount <= max) return { volumeSize, volumeCount };
  }
  throw new PackError(
    PackErrorCode.TOO_MANY_VOLUMES,
    `The source (${groupThousands(input.file.size)} bytes) needs more than ${max} volumes even at the largest allowed size`,
    { size: input.file.size, max },
  );
}

/** The archive format must be one the profile allows (TV rules forbid RAR5). */
export function assertFormatAllowed(profile: RuleProfile, format: RarFormat): void {
  const allowed = profile.packaging.archive.formats;
  if (!allowed.includes(format)) {
    throw new PackError(
      PackErrorCode.RAR_FORMAT_NOT_ALLOWED,
      `${format.toUpperCase()} is not allowed by ${profile.id}; use ${allowed.join(' or ').toUpperCase()}`,
      { format, allowed },
    );
  }
}
