import { languageTag } from './languages.js';
import { NamingError, NamingErrorCode } from './naming-error.js';

/** Tags compare case-insensitively: `eBOOK`, `eBOOk` and `Ebook` are the same tag. */
export function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** A group tag is letters and digits (a `_` is tolerated), never a dot or hyphen. */
export function groupTag(group: string): string {
  const trimmed = group.trim();
  if (!/^[A-Za-z0-9_]+$/.test(trimmed)) {
    throw new NamingError(
      NamingErrorCode.INVALID_FIELD,
      `Group tag "${group}" must be letters and digits only (e.g. GRP)`,
      { field: 'group' },
    );
  }
  return trimmed;
}

/**
 * Drops title words from the end until `render` fits `max` characters. The title keeps at least
 * one word; if even that is too long the caller's validation reports the length.
 */
export function fitToLength(
  words: readonly string[],
  render: (words: readonly string[]) => string,
  max: number,
): { name: string; dropped: number } {
  let kept = words.length;
  let name = render(words);
  while (name.length > max && kept > 1) {
    kept--;
    name = render(words.slice(0, kept));
  }
  return { name, dropped: words.length - kept };
}

/** The profile's tag for a language (`fr`, `French` → `FRENCH`); English and nothing give null. */
export function resolveLanguage(
  input: string | undefined,
  profileId: string,
  languages: readonly string[],
): string | null {
  if (!input) return null;
  const tag = languageTag(input, languages);
  if (tag === undefined) {
    throw new NamingError(NamingErrorCode.INVALID_FIELD, `Language "${input}" has no tag in ${profileId}`, {
      field: 'language',
      allowed: languages,
    });
  }
  return tag;
}

/** Each given tag in the profile's spelling; one the profile lacks is refused with the allowed list. */
export function resolveTags(
  given: readonly string[] | undefined,
  allowed: readonly string[],
  field: string,
  what: string,
): string[] {
  return (given ?? []).map((t) => {
    const tag = allowed.find((x) => sameTag(x, t));
    if (!tag)
      throw new NamingError(NamingErrorCode.INVALID_FIELD, `Tag "${t}" is not ${what}`, { field, allowed });
    return tag;
  });
}
