import type { EpisodeNamingRules, EpisodeSegment, RuleProfile } from '../rules/profile.js';
import type { BuiltName, EpisodeMarker, EpisodeNameInput, ParsedEpisodeName } from './name-fields.js';
import { fitToLength, groupTag, resolveLanguage, resolveTags, sameTag } from './name-parts.js';
import { NamingError, NamingErrorCode } from './naming-error.js';
import { normaliseWords } from './normalise.js';

export function episodeRules(profile: RuleProfile): EpisodeNamingRules {
  if (profile.naming.kind !== 'episode') {
    throw new NamingError(
      NamingErrorCode.WRONG_PROFILE_KIND,
      `Profile ${profile.id} does not name episodes`,
      {
        profile: profile.id,
      },
    );
  }
  return profile.naming;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function episodeMarker(input: EpisodeNameInput): string[] | null {
  if (input.date) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
    if (!m) {
      throw new NamingError(NamingErrorCode.INVALID_FIELD, `Date "${input.date}" must be YYYY-MM-DD`, {
        field: 'date',
      });
    }
    return [m[1]!, m[2]!, m[3]!];
  }
  if (input.part !== undefined) return ['Part', String(input.part)];
  const episodes = input.episodes ?? [];
  if (episodes.length === 0) return null;
  const first = `E${pad2(episodes[0]!)}${input.episodePart ?? ''}`;
  const rest = episodes
    .slice(1)
    .map((e) => `-E${pad2(e)}`)
    .join('');
  return [`${input.season === undefined ? '' : `S${pad2(input.season)}`}${first}${rest}`];
}

/** Builds `Show[.CC][.YEAR].S01E02[.Episode.Title][.TAGS][.LANGUAGE][.720p].FORMAT.CODEC-GROUP`. */
export function buildEpisodeName(profile: RuleProfile, input: EpisodeNameInput): BuiltName {
  const rules = episodeRules(profile);
  const notes: string[] = [];
  const missing: string[] = [];
  const show = normaliseWords(input.show);
  if (show.words.length === 0) missing.push('show');
  const marker = episodeMarker(input);
  if (!marker) missing.push('season/episode, date or part');
  const format = input.format ? rules.formats.find((f) => sameTag(f, input.format!)) : undefined;
  if (!format) missing.push('format');
  const needsResolution =
    rules.resolutions.length > 0 && !(format && rules.formatsWithoutResolution.includes(format));
  const resolution = input.resolution
    ? rules.resolutions.find((r) => sameTag(r, input.resolution!))
    : undefined;
  if (needsResolution && !resolution) missing.push('resolution');
  const codecs = (format && rules.codecsByFormat[format]) || rules.codecs;
  const codec = input.codec
    ? codecs.find((c) => sameTag(c, input.codec!))
    : codecs.length === 1
      ? codecs[0]
      : undefined;
  if (!codec) missing.push('codec');
  if (missing.length > 0) {
    throw new NamingError(
      NamingErrorCode.MISSING_FIELDS,
      `Cannot name the release: missing ${missing.join(', ')} (formats: ${rules.formats.join(', ')}; pass --meta format=…)`,
      {
        missing,
        allowed: { formats: rules.formats, resolutions: rules.resolutions, codecs },
        hint: 'pass them with --meta key=value (e.g. --meta season=1 --meta episode=2 --meta format=HDTV)',
      },
    );
  }
  const language = resolveLanguage(input.language, profile.id, profile.languages);
  const tags = resolveTags(input.tags, rules.tags, 'tags', `allowed by ${profile.id}`);
  const title = input.episodeTitle ? normaliseWords(input.episodeTitle) : { words: [], changed: false };
  if (show.changed || title.changed) notes.push('Accents and punctuation were normalised for the dirname.');
  const showWords = [...show.words];
  if (input.country) showWords.push(input.country.toUpperCase());
  if (input.showYear !== undefined) showWords.push(String(input.showYear));
  const render = (titleWords: readonly string[]): string => {
    const bySegment: Record<EpisodeSegment, () => readonly string[]> = {
      show: () => showWords,
      episode: () => marker!,
      episodeTitle: () => titleWords,
      tags: () => tags,
      language: () => (language ? [language] : []),
      resolution: () => (needsResolution ? [resolution!] : []),
      format: () => [format!],
      codec: () => [codec!],
    };
    const parts = rules.order.flatMap((segment) => bySegment[segment]());
    return `${parts.join('.')}-${groupTag(input.group)}`;
  };
  // Episode titles are optional, so they are dropped whole before anything else is shortened.
  const fitted = fitToLength(['', ...title.words], (w) => render(w.slice(1)), profile.limits.dirnameMax);
  if (fitted.dropped > 0)
    notes.push(`The episode title was shortened to fit ${profile.limits.dirnameMax} characters.`);
  return { name: fitted.name, notes };
}

const SEASON_EPISODE = /^S(\d{2,})E(\d{2,})([A-Za-z])?((?:-?E\d{2,})*)$/i;
const ABSOLUTE_EPISODE = /^E(\d{2,})((?:-?E\d{2,})*)$/i;

function readMarker(tokens: readonly string[], i: number): { marker: EpisodeMarker; length: number } | null {
  const t = tokens[i]!;
  let m = SEASON_EPISODE.exec(t);
  if (m) {
    const more = [...(m[4] ?? '').matchAll(/E(\d{2,})/gi)].map((x) => Number(x[1]));
    return {
      marker: { kind: 'season', season: Number(m[1]), episodes: [Number(m[2]), ...more], part: m[3] ?? null },
      length: 1,
    };
  }
  m = ABSOLUTE_EPISODE.exec(t);
  if (m) {
    const more = [...(m[2] ?? '').matchAll(/E(\d{2,})/gi)].map((x) => Number(x[1]));
    return { marker: { kind: 'absolute', episodes: [Number(m[1]), ...more] }, length: 1 };
  }
  if (/^\d{4}$/.test(t) && /^\d{2}$/.test(tokens[i + 1] ?? '') && /^\d{2}$/.test(tokens[i + 2] ?? '')) {
    return { marker: { kind: 'date', date: `${t}-${tokens[i + 1]}-${tokens[i + 2]}` }, length: 3 };
  }
  if (/^part$/i.test(t) && /^\d+$/.test(tokens[i + 1] ?? '')) {
    return { marker: { kind: 'part', part: Number(tokens[i + 1]) }, length: 2 };
  }
  m = /^Part(\d+)$/i.exec(t);
  if (m) return { marker: { kind: 'part', part: Number(m[1]) }, length: 1 };
  return null;
}

/** Splits an episode dirname into its parts, right to left from the codec, then the episode marker. */
export function parseEpisodeName(profile: RuleProfile, name: string): ParsedEpisodeName {
  const rules = episodeRules(profile);
  const dash = name.lastIndexOf('-');
  const hasGroup = dash > 0 && dash < name.length - 1 && !/^E\d{2,}/i.test(name.slice(dash + 1));
  const group = hasGroup ? name.slice(dash + 1) : null;
  const tokens = (hasGroup ? name.slice(0, dash) : name).split('.').filter((t) => t !== '');
  let markerAt = -1;
  let marker: { marker: EpisodeMarker; length: number } | null = null;
  for (let i = 1; i < tokens.length && !marker; i++) {
    marker = readMarker(tokens, i);
    if (marker) markerAt = i;
  }
  let end = tokens.length;
  const takeLast = (candidates: readonly string[]): string | null => {
    for (const candidate of candidates) {
      const parts = candidate.split('.');
      const slice = tokens.slice(end - parts.length, end);
      if (
        end - parts.length > markerAt &&
        slice.length === parts.length &&
        slice.every((p, k) => sameTag(p, parts[k]!))
      ) {
        end -= parts.length;
        return candidate;
      }
    }
    return null;
  };
  const allCodecs = [...new Set([...rules.codecs, 'x264', 'x265', 'H264', 'H265', 'XviD', 'HEVC', 'AVC'])];
  const codec = takeLast(allCodecs);
  const allFormats = [
    ...new Set([
      ...rules.formats,
      'HDTV',
      'AHDTV',
      'HR.PDTV',
      'PDTV',
      'APDTV',
      'DSR',
      'ADSR',
      'WEB',
      'WEBRip',
      'WEB-DL',
      'BluRay',
    ]),
  ];
  const format = takeLast([...allFormats].sort((a, b) => b.length - a.length));
  const resolution = takeLast(['480p', '540p', '576p', '720p', '1080p', '1080i', '2160p']);
  const language = takeLast(profile.languages);
  const knownTags = [...rules.tags, ...Object.keys(rules.forbiddenVariants)].sort(
    (a, b) => b.split('.').length - a.split('.').length,
  );
  const tags: string[] = [];
  const forbiddenVariants: string[] = [];
  for (;;) {
    const tag = takeLast(knownTags);
    if (!tag) break;
    if (tag in rules.forbiddenVariants) forbiddenVariants.unshift(tag);
    else tags.unshift(tag);
  }
  const afterMarker = markerAt >= 0 ? markerAt + marker!.length : end;
  const between = tokens.slice(afterMarker, end);
  // Upper-case words right before the tags are probably misspelt tags rather than an episode title.
  const unknownTokens = between.filter((t) => t.length > 1 && t === t.toUpperCase() && /[A-Z]/.test(t));
  const showTokens = tokens.slice(0, markerAt >= 0 ? markerAt : end);
  let showYear: number | null = null;
  let country: string | null = null;
  if (rules.allowCountryAndYear) {
    if (showTokens.length > 1 && /^(19|20)\d\d$/.test(showTokens.at(-1)!))
      showYear = Number(showTokens.pop());
    if (showTokens.length > 1 && /^[A-Z]{2}$/.test(showTokens.at(-1)!)) country = showTokens.pop()!;
  }
  return {
    kind: 'episode',
    group,
    showWords: showTokens,
    country,
    showYear,
    episode: marker?.marker ?? null,
    episodeTitleWords: between.filter((t) => !unknownTokens.includes(t)),
    tags,
    language,
    resolution,
    format,
    codec,
    unknownTokens,
    forbiddenVariants,
  };
}
