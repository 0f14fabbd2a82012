import { FindingCollector } from '../rules/findings.js';
import type { Finding, RuleProfile } from '../rules/profile.js';
import { ebookRules, parseEbookName } from './ebook-name.js';
import { episodeRules, parseEpisodeName } from './episode-name.js';
import type { ParsedEbookName, ParsedEpisodeName } from './name-fields.js';
import { sameTag } from './name-parts.js';

export interface NameCheckContext {
  /** Extension of the packed file, when known: the eBOOK format tag must match it. */
  readonly fileExtension?: string;
}

export interface NameCheckResult {
  readonly name: string;
  readonly profile: string;
  readonly parsed: ParsedEbookName | ParsedEpisodeName;
  readonly findings: readonly Finding[];
}

/** Runs every naming rule of the profile and returns all findings, never only the first. */
export function checkReleaseName(
  profile: RuleProfile,
  name: string,
  context: NameCheckContext = {},
): NameCheckResult {
  const out = new FindingCollector(profile);
  if (!new RegExp(profile.charset.pattern).test(name)) {
    const bad = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ''))].map((c) =>
      c === ' ' ? 'space' : `"${c}"`,
    );
    out.add(
      'name.charset',
      `Forbidden character(s): ${bad.join(', ')}; use only ${profile.charset.description}`,
    );
  }
  const repeat = /[._-]{2,}/.exec(name);
  if (repeat)
    out.add('name.consecutive-punctuation', `"${repeat[0]}" at position ${repeat.index + 1}; use one dot`);
  if (/^[._-]|[._-]$/.test(name))
    out.add('name.consecutive-punctuation', 'The name starts or ends with punctuation');
  if (name.length > profile.limits.dirnameMax) {
    out.add(
      'name.length',
      `${name.length} characters, ${name.length - profile.limits.dirnameMax} over the limit; shorten the title`,
    );
  }
  const parsed =
    profile.naming.kind === 'ebook'
      ? checkEbook(profile, name, context, out)
      : checkEpisode(profile, name, out);
  return { name, profile: profile.id, parsed, findings: out.findings };
}

function checkGroup(group: string | null, out: FindingCollector): void {
  if (!group) out.add('name.group-tag', 'No -GROUP suffix; end the name with -YOURGROUP');
  else if (!/^[A-Za-z0-9_]+$/.test(group))
    out.add('name.group-tag', `Group tag "${group}" must be letters and digits`);
}

function checkEbook(
  profile: RuleProfile,
  name: string,
  context: NameCheckContext,
  out: FindingCollector,
): ParsedEbookName {
  const rules = ebookRules(profile);
  const p = parseEbookName(profile, name);
  checkGroup(p.group, out);
  if (p.titleWords.length === 0) out.add('name.title', 'No author or title before the year');
  if (p.year === null) out.add('name.year', 'No four-digit year; add the publication year (e.g. 2020)');
  if (!p.source) out.add('name.source-tag', `No source tag; add one of ${rules.sourceTags.join(', ')}`);
  if (!p.section) out.add('name.section-tag', `The name must end in .${rules.sectionTag}-GROUP`);
  if (p.language && sameTag(p.language, 'ENGLISH'))
    out.add('name.language-tag', 'English releases carry no language tag');
  for (const token of p.unknownTokens) {
    if (sameTag(token, 'ENGLISH'))
      out.add('name.language-tag', 'English releases carry no language tag', token);
    else out.add('name.tag-order', `"${token}" after the year is no known tag`, token);
  }
  for (const pair of p.misordered) out.add('name.tag-order', `Tags out of order: ${pair}`);
  for (const tag of p.repeated) out.add('name.tag-repeated', `"${tag}" appears more than once`, tag);
  if (context.fileExtension !== undefined) {
    const expected = rules.formatTags[context.fileExtension.toLowerCase()];
    if (expected === undefined) {
      out.add('name.format-tag', `.${context.fileExtension} is not an allowed eBOOK format`);
    } else if (expected === null && p.format) {
      out.add(
        'name.format-tag',
        `A .${context.fileExtension} file carries no format tag; remove ${p.format}`,
      );
    } else if (expected !== null && !(p.format && sameTag(p.format, expected))) {
      out.add(
        'name.format-tag',
        `A .${context.fileExtension} file needs the ${expected} tag${p.format ? `, not ${p.format}` : ''}`,
      );
    }
  }
  return p;
}

function checkEpisode(profile: RuleProfile, name: string, out: FindingCollector): ParsedEpisodeName {
  const rules = episodeRules(profile);
  const p = parseEpisodeName(profile, name);
  checkGroup(p.group, out);
  if (p.showWords.length === 0) out.add('name.title', 'No show name before the episode');
  if (!p.episode) out.add('name.episode', 'No episode marker found (S01E02, E01, 2024.01.31 or Part.1)');
  if (!p.format) out.add('name.format', `No source format; use one of ${rules.formats.join(', ')}`);
  else if (!rules.formats.includes(p.format)) {
    out.add(
      'name.format',
      `${p.format} is not allowed here; use one of ${rules.formats.join(', ')}`,
      p.format,
    );
  }
  const wantsResolution =
    rules.resolutions.length > 0 && !(p.format && rules.formatsWithoutResolution.includes(p.format));
  if (wantsResolution && !p.resolution)
    out.add('name.resolution', `A resolution tag is required: ${rules.resolutions.join(', ')}`);
  if (p.resolution && !wantsResolution) {
    out.add(
      'name.resolution',
      `${p.resolution} is not used by this profile${p.format ? ` with ${p.format}` : ''}; remove it`,
      p.resolution,
    );
  }
  if (p.resolution && wantsResolution && !rules.resolutions.includes(p.resolution)) {
    out.add(
      'name.resolution',
      `${p.resolution} is not allowed; use ${rules.resolutions.join(', ')}`,
      p.resolution,
    );
  }
  const codecs = (p.format && rules.codecsByFormat[p.format]) || rules.codecs;
  if (!p.codec) out.add('name.codec', `No codec tag at the end; use ${codecs.join(' or ')}`);
  else if (!codecs.includes(p.codec))
    out.add('name.codec', `${p.codec} is not allowed here; use ${codecs.join(' or ')}`, p.codec);
  if (p.language && sameTag(p.language, 'ENGLISH'))
    out.add('name.language-tag', 'English releases carry no language tag');
  if ([...p.episodeTitleWords, ...p.unknownTokens].some((w) => sameTag(w, 'ENGLISH')))
    out.add('name.language-tag', 'English releases carry no language tag');
  for (const variant of p.forbiddenVariants) {
    out.add(
      'name.tag-variant',
      `${variant} is a forbidden spelling; use ${rules.forbiddenVariants[variant]}`,
      variant,
    );
  }
  const seen = new Set<string>();
  for (const tag of p.tags) {
    if (seen.has(tag) && !rules.repeatableTags.includes(tag))
      out.add('name.tag-repeated', `${tag} appears more than once`, tag);
    seen.add(tag);
  }
  for (const [tag, excluded] of Object.entries(rules.exclusiveTags)) {
    if (!seen.has(tag)) continue;
    const clash = excluded.filter((x) => seen.has(x));
    if (clash.length > 0)
      out.add('name.tag-combination', `${tag} cannot be combined with ${clash.join(', ')}`, tag);
  }
  for (const token of p.unknownTokens.filter((t) => !sameTag(t, 'ENGLISH'))) {
    out.add(
      'name.tag-unknown',
      `"${token}" is no tag of this ruleset; if it is part of the episode title, ignore this`,
      token,
    );
  }
  return p;
}
