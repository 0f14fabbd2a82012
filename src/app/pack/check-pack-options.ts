import {
  defaultProfileFor,
  describeVolumeSizes,
  getProfile,
  groupThousands,
  isAllowedVolumeSize,
  listProfiles,
  RelpackError,
  type RuleProfile,
} from '../../engine/index.js';

export interface PackOptions {
  readonly type: 'ebook' | 'tv';
  readonly profile?: string | undefined;
  readonly volumeSize?: number | undefined;
  readonly rarFormat?: 'rar4' | 'rar5' | undefined;
  readonly sample?: boolean | undefined;
}

/** The profile a pack of this type uses when none is named. */
export function defaultProfileId(type: 'ebook' | 'tv'): string {
  return defaultProfileFor(type).id;
}

/**
 * What depends on the profile, checked when a pack is asked for (a job created, the wizard's
 * packing step, `relpack pack`) rather than when it runs: the profile fits the type, and the
 * volume size, archive format and sample are ones it allows. Each error names the allowed values.
 */
export function checkPackOptions(options: PackOptions): RuleProfile {
  const profile = options.profile ? getProfile(options.profile) : defaultProfileFor(options.type);
  if (profile.releaseType !== options.type) {
    const fitting = listProfiles()
      .filter((p) => p.releaseType === options.type)
      .map((p) => p.id);
    throw new RelpackError(
      'NAME_WRONG_PROFILE_KIND',
      `Profile ${profile.id} is for ${profile.releaseType} releases, not ${options.type}; use one of ${fitting.join(', ')}`,
      { profile: profile.id, allowed: fitting },
    );
  }
  const { formats, volumeSizes } = profile.packaging.archive;
  if (options.rarFormat && !formats.includes(options.rarFormat)) {
    throw new RelpackError(
      'RAR_FORMAT_NOT_ALLOWED',
      `${options.rarFormat.toUpperCase()} is not allowed by ${profile.id}; use ${formats.join(' or ').toUpperCase()}`,
      { format: options.rarFormat, allowed: formats },
    );
  }
  if (options.volumeSize !== undefined) {
    // TV sizes depend on the resolution, known once the file is read: here a size must fit at
    // least one class; the run checks it against the file's own.
    const rules = Object.entries(volumeSizes);
    if (!rules.some(([, rule]) => isAllowedVolumeSize(rule, options.volumeSize!))) {
      const allowed = Object.fromEntries(
        rules.map(([sizeClass, rule]) => [sizeClass, describeVolumeSizes(rule)]),
      );
      throw new RelpackError(
        'VOLUME_SIZE_NOT_ALLOWED',
        `Volume size ${groupThousands(options.volumeSize)} is not allowed by ${profile.id}; allowed: ${rules
          .map(([sizeClass, rule]) => (rules.length > 1 ? `${sizeClass}: ` : '') + describeVolumeSizes(rule))
          .join('; ')}`,
        { requested: options.volumeSize, allowed },
      );
    }
  }
  if (options.sample && !profile.packaging.sample) {
    throw new RelpackError('INVALID_ARGUMENT', `Profile ${profile.id} has no sample; leave sample out`, {
      profile: profile.id,
    });
  }
  return profile;
}
