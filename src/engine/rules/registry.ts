import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';
import type { RuleProfile } from './profile.js';
import { ebook2022 } from './profiles/ebook-2022.js';
import { tv720p2016 } from './profiles/tv-720p-2016.js';
import { tvSd2016 } from './profiles/tv-sd-2016.js';
import { web2020 } from './profiles/web-2020.js';

export const RuleErrorCode = { UNKNOWN_PROFILE: 'UNKNOWN_PROFILE' } as const satisfies Record<
  string,
  ErrorCode
>;

const PROFILES: readonly RuleProfile[] = [ebook2022, tv720p2016, tvSd2016, web2020];

export function listProfiles(): readonly RuleProfile[] {
  return PROFILES;
}

export function getProfile(id: string): RuleProfile {
  const profile = PROFILES.find((p) => p.id === id);
  if (!profile) {
    throw new RelpackError(
      RuleErrorCode.UNKNOWN_PROFILE,
      `Unknown rule profile "${id}"; known profiles: ${PROFILES.map((p) => p.id).join(', ')}`,
      { profile: id, known: PROFILES.map((p) => p.id) },
    );
  }
  return profile;
}

export function defaultProfileFor(type: 'ebook' | 'tv'): RuleProfile {
  return type === 'ebook' ? ebook2022 : tv720p2016;
}
