import type { EbookNamingRules, EbookSegment, RuleProfile } from '../rules/profile.js';
import type { BuiltName, EbookNameInput, ParsedEbookName } from './name-fields.js';
import { fitToLength, groupTag, resolveLanguage, resolveTags, sameTag } from './name-parts.js';
import { NamingError, NamingErrorCode } from './naming-error.js';
import { normaliseWords } from './normalise.js';

export function ebookRules(profile: RuleProfile): EbookNamingRules {
  if (profile.naming.kind !== 'ebook') {
    throw new NamingError(NamingErrorCode.WRONG_PROFILE_KIND, `Profile ${profile.id} does not name eBooks`, {
      profile: profile.id,
    });
  }
  return profile.naming;
}

/**
 * Builds `Author.Title[.Edition][.Issue].YEAR[.LANGUAGE].SOURCE[.EXTRA][.FORMAT][.TYPE].eBOOK-GROUP`
 * in the profile's segment order. Missing required fields are reported together.
 */
export function buildEbookName(profile: RuleProfile, input: EbookNameInput): BuiltName {
  const rules = ebookRules(profile);
  const notes: string[] = [];
  const missing: string[] = [];
  const title = normaliseWords(input.title);
  if (title.words.length === 0) missing.push('title');
  const year = input.year === undefined ? '' : String(input.year).trim();
  if (!/^\d{4}$/.test(year)) missing.push('year');
  const source = input.source ? rules.sourceTags.find((t) => sameTag(t, input.source!)) : undefined;
  if (!source) missing.push('source');
  if (input.format === undefined) missing.push('format');
  if (missing.length > 0) {
    throw new NamingError(
      NamingErrorCode.MISSING_FIELDS,
      `Cannot name the release: missing ${missing.join(', ')} (pass them with --meta key=value; source is one of ${rules.sourceTags.join(', ')})`,
      {
        missing,
        hint: 'pass them with --meta key=value (e.g. --meta year=2020 --meta source=RETAiL)',
      },
    );
  }
  const formatKey = input.format!.toLowerCase().replace(/^\./, '');
  if (!(formatKey in rules.formatTags)) {
    throw new NamingError(
      NamingErrorCode.INVALID_FIELD,
      `Format "${input.format}" is not allowed by ${profile.id}`,
      {
        field: 'format',
        allowed: Object.keys(rules.formatTags),
      },
    );
  }
  const language = resolveLanguage(input.language, profile.id, profile.languages);
  const extraTags = resolveTags(input.extraTags, rules.extraTags, 'extraTags', 'an eBOOK extra tag');
  let type: string | null = null;
  if (input.type) {
    type = rules.typeTags.find((t) => sameTag(t, input.type!)) ?? null;
    if (!type) {
      throw new NamingError(NamingErrorCode.INVALID_FIELD, `Type "${input.type}" is not an eBOOK type tag`, {
        field: 'type',
        allowed: rules.typeTags,
      });
    }
  }
  const author = input.author ? normaliseWords(input.author) : { words: [], changed: false };
  if (author.changed || title.changed) notes.push('Accents and punctuation were normalised for the dirname.');
  const formatTag = rules.formatTags[formatKey];
  const segments = (titleWords: readonly string[]): string[] => {
    const bySegment: Record<EbookSegment, () => readonly string[]> = {
      author: () => author.words,
      title: () => titleWords,
      edition: () => (input.edition ? normaliseWords(input.edition).words : []),
      issue: () => (input.issue ? normaliseWords(input.issue).words : []),
      year: () => [year],
      language: () => (language ? [language] : []),
      source: () => [source!],
      extraTags: () => extraTags,
      format: () => (formatTag ? [formatTag] : []),
      type: () => (type ? [type] : []),
      section: () => [rules.sectionTag],
    };
    return rules.order.flatMap((segment) => bySegment[segment]());
  };
  const group = groupTag(input.group);
  const fitted = fitToLength(
    title.words,
    (words) => `${segments(words).join('.')}-${group}`,
    profile.limits.dirnameMax,
  );
  if (fitted.dropped > 0) {
    notes.push(
      `The title was shortened by ${fitted.dropped} word(s) to fit ${profile.limits.dirnameMax} characters; put the full title in the NFO.`,
    );
  }
  return { name: fitted.name, notes };
}

const YEAR = /^(1[4-9]\d\d|20\d\d|2100)$/;

/** Splits an eBOOK dirname into its parts; unknown or misplaced tags are kept for the validator. */
export function parseEbookName(profile: RuleProfile, name: string): ParsedEbookName {
  const rules = ebookRules(profile);
  const dash = name.lastIndexOf('-');
  const group = dash > 0 && dash < name.length - 1 ? name.slice(dash + 1) : null;
  const body = dash > 0 ? name.slice(0, dash) : name;
  const tokens = body.split('.').filter((t) => t !== '');
  let yearIndex = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (YEAR.test(tokens[i]!)) {
      yearIndex = i;
      break;
    }
  }
  const classify = (token: string): [segment: string, tag: string] | null => {
    const checks: [string, readonly string[]][] = [
      ['language', profile.languages],
      ['source', rules.sourceTags],
      ['extraTags', rules.extraTags],
      ['format', Object.values(rules.formatTags).filter((t): t is string => t !== null)],
      ['type', rules.typeTags],
      ['section', [rules.sectionTag]],
    ];
    for (const [segment, tags] of checks) {
      const tag = tags.find((t) => sameTag(t, token));
      if (tag) return [segment, tag];
    }
    return null;
  };
  // Tags can only follow the year; before it everything is author, title, edition and issue.
  const tail = yearIndex >= 0 ? tokens.slice(yearIndex + 1) : trailingTags(tokens, classify);
  const titleWords =
    yearIndex >= 0 ? tokens.slice(0, yearIndex) : tokens.slice(0, tokens.length - tail.length);
  const found: Record<string, string[]> = {};
  const unknownTokens: string[] = [];
  const misordered: string[] = [];
  const repeated: string[] = [];
  let lastRank = -1;
  let lastTag = '';
  for (const token of tail) {
    const hit = classify(token);
    if (!hit) {
      unknownTokens.push(token);
      continue;
    }
    const [segment, tag] = hit;
    if ((found[segment] ?? []).includes(tag)) repeated.push(tag);
    found[segment] = [...(found[segment] ?? []), tag];
    const rank = rules.order.indexOf(segment as (typeof rules.order)[number]);
    if (rank < lastRank) misordered.push(`${lastTag} before ${tag}`);
    else if (segment !== 'extraTags' || rank > lastRank) lastRank = rank;
    lastTag = tag;
  }
  const one = (segment: string) => found[segment]?.[0] ?? null;
  return {
    kind: 'ebook',
    group,
    titleWords,
    year: yearIndex >= 0 ? Number(tokens[yearIndex]) : null,
    language: one('language'),
    source: one('source'),
    extraTags: found.extraTags ?? [],
    format: one('format'),
    type: one('type'),
    section: one('section'),
    unknownTokens,
    misordered,
    repeated,
  };
}

function trailingTags(tokens: readonly string[], classify: (t: string) => unknown): string[] {
  let start = tokens.length;
  while (start > 0 && classify(tokens[start - 1]!)) start--;
  return tokens.slice(start);
}
