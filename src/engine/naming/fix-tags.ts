import type { RuleProfile } from '../rules/index.js';
import { parseEbookName } from './ebook-name.js';
import { parseEpisodeName } from './episode-name.js';
import { sameTag } from './name-parts.js';

/** The fixes the rules allow (TV 2016 and eBOOK 2022: DIRFIX, NFOFIX, SAMPLEFIX for video). */
export type FixKind = 'nfo' | 'dir' | 'sample';

const FIX_TAG: Readonly<Record<FixKind, string>> = { nfo: 'NFOFIX', dir: 'DIRFIX', sample: 'SAMPLEFIX' };

/** The profile's own spelling of a fix tag (`NFOFiX` in eBOOK names, `NFOFIX` in TV), or null. */
export function fixTag(profile: RuleProfile, kind: FixKind): string | null {
  return profileTag(profile, FIX_TAG[kind]);
}

/** The profile's spelling of an extra tag (PROPER, REPACK, NFOFIX …), or null when it has none. */
export function profileTag(profile: RuleProfile, tag: string): string | null {
  const naming = profile.naming;
  const tags = naming.kind === 'ebook' ? naming.extraTags : naming.tags;
  return tags.find((t) => sameTag(t, tag)) ?? null;
}

/** What a release name says it fixes: the fix and the name without the fix tag, or null. */
export function fixOf(profile: RuleProfile, name: string): { kind: FixKind; fixes: string } | null {
  const tokens = name.split('.');
  for (const kind of Object.keys(FIX_TAG) as FixKind[]) {
    const tag = fixTag(profile, kind);
    const at = tag === null ? -1 : tokens.findIndex((t) => sameTag(t, tag));
    if (at > 0) return { kind, fixes: [...tokens.slice(0, at), ...tokens.slice(at + 1)].join('.') };
  }
  return null;
}

/**
 * `name` with `tag` where the profile puts extra tags: after the source tag (and the extra tags
 * already there) in eBOOK names, after the episode and its title, before language and resolution,
 * in TV names. The caller checks the result with checkReleaseName.
 */
export function withTag(profile: RuleProfile, name: string, tag: string): string {
  const dash = name.lastIndexOf('-');
  const body = dash > 0 ? name.slice(0, dash) : name;
  const group = dash > 0 ? name.slice(dash) : '';
  const tokens = body.split('.');
  let at: number;
  if (profile.naming.kind === 'ebook') {
    const parsed = parseEbookName(profile, name);
    const after = [...parsed.extraTags, parsed.source].filter((t): t is string => t !== null);
    const positions = after.map((t) => tokens.findLastIndex((token) => sameTag(token, t)));
    at = positions.length > 0 ? Math.max(...positions) + 1 : tokens.length - 1;
  } else {
    const parsed = parseEpisodeName(profile, name);
    const firstAfterTags = [parsed.language, parsed.resolution, parsed.format?.split('.')[0], parsed.codec]
      .filter((t): t is string => t !== null && t !== undefined)
      .map((t) => tokens.findLastIndex((token) => sameTag(token, t)))
      .filter((i) => i >= 0);
    at = firstAfterTags.length > 0 ? Math.min(...firstAfterTags) : tokens.length;
  }
  return [...tokens.slice(0, at), tag, ...tokens.slice(at)].join('.') + group;
}
