import type { RarFormat, VolumeNaming } from '../rar/index.js';

/** `block`: the release would be nuked, packing stops. `warn`: reported, packing goes on. */
export type Severity = 'block' | 'warn';

/**
 * How sure the facts file is (../shared/rules/scene-rules.md §0): P primary text, S secondary
 * transcription, S2 two secondary sources, I inferred. Checks built on `I` are always `warn`.
 */
export type Confidence = 'P' | 'S' | 'S2' | 'I';

export interface RuleCheck {
  /** Stable id (`name.group-tag`, `release.volume-size`, …): findings, overrides and docs use it. */
  readonly id: string;
  readonly severity: Severity;
  /** The rule in one sentence, as a user should read it. */
  readonly message: string;
  /** Where the rule comes from: ruleset and section, and the facts-file source ids. */
  readonly ref: string;
  readonly confidence: Confidence;
}

export type ReleaseType = 'ebook' | 'tv';

/** Allowed volume sizes: a list of exact sizes and/or any positive multiple of a base. */
export interface VolumeSizeRule {
  readonly fixed: readonly number[];
  readonly multipleOf: number | null;
}

export interface EbookNamingRules {
  readonly kind: 'ebook';
  /** Segment order of the dirname; `-GROUP` always ends it. */
  readonly order: readonly EbookSegment[];
  readonly sourceTags: readonly string[];
  readonly extraTags: readonly string[];
  /** File extension → format tag; `null` means the format carries no tag (PDF). */
  readonly formatTags: Readonly<Record<string, string | null>>;
  readonly typeTags: readonly string[];
  readonly sectionTag: string;
}

export type EbookSegment =
  | 'author'
  | 'title'
  | 'edition'
  | 'issue'
  | 'year'
  | 'language'
  | 'source'
  | 'extraTags'
  | 'format'
  | 'type'
  | 'section';

export interface EpisodeNamingRules {
  readonly kind: 'episode';
  readonly order: readonly EpisodeSegment[];
  /** Resolution tags the profile accepts; empty means the name carries none (SD). */
  readonly resolutions: readonly string[];
  /** Source formats (`HDTV`, `WEB`, …); a format listed in `formatsWithoutResolution` has no resolution tag. */
  readonly formats: readonly string[];
  readonly formatsWithoutResolution: readonly string[];
  /** Codec tags, e.g. `x264`; WEB names join them to the format (`WEB.H264`). */
  readonly codecs: readonly string[];
  /** Allowed codec per format, when it depends on the format (WEB: H264/H265, WEBRip: x264/x265). */
  readonly codecsByFormat: Readonly<Record<string, readonly string[]>>;
  readonly tags: readonly string[];
  /** Tags that may repeat (`REAL.REAL.PROPER`). */
  readonly repeatableTags: readonly string[];
  /** Tags never combined with any of the listed ones. */
  readonly exclusiveTags: Readonly<Record<string, readonly string[]>>;
  /** Misspelt variants refused outright, mapped to the right spelling. */
  readonly forbiddenVariants: Readonly<Record<string, string>>;
  readonly allowCountryAndYear: boolean;
}

export type EpisodeSegment =
  | 'show'
  | 'episode'
  | 'episodeTitle'
  | 'tags'
  | 'language'
  | 'resolution'
  | 'format'
  | 'codec';

export interface PackagingRules {
  readonly archive: {
    readonly formats: readonly RarFormat[];
    readonly naming: VolumeNaming;
    readonly maxVolumes: number;
    /** Allowed sizes per resolution class (`default` when the profile has one). */
    readonly volumeSizes: Readonly<Record<string, VolumeSizeRule>>;
    /** A volume size above the smallest multiple needs at least this many volumes (null: no rule). */
    readonly stepUpMinVolumes: number | null;
    /** Files allowed inside the RAR set (by extension) and how many. */
    readonly contentExtensions: readonly string[];
    readonly maxContentFiles: number;
  };
  /** `zip-disks`: every RAR volume inside its own 8.3 ZIP with the DIZ and NFO (0-day style). */
  readonly container: 'zip-disks' | 'none';
  readonly diz: { readonly maxWidth: number; readonly maxLines: number } | null;
  readonly nfo: { readonly maxWidth: number; readonly insideDisks: boolean };
  readonly sfv: 'required' | 'forbidden-in-disks';
  readonly lowercaseFileNames: boolean;
  readonly groupTagInFileNames: boolean;
  readonly sample: { readonly dir: string; readonly minSeconds: number; readonly maxSeconds: number } | null;
}

export interface RuleProfile {
  readonly id: string;
  readonly name: string;
  /** Bumped when a value or check of the profile changes, so stored findings can say which rules they used. */
  readonly version: number;
  readonly releaseType: ReleaseType;
  readonly ruleset: string;
  readonly compliantFrom: string;
  /** Source file extensions (lower case) the profile accepts. */
  readonly sourceExtensions: readonly string[];
  readonly naming: EbookNamingRules | EpisodeNamingRules;
  readonly charset: { readonly pattern: string; readonly description: string };
  readonly limits: { readonly dirnameMax: number; readonly innerFileNameMax: number | null };
  /** Language tags for non-English releases (English carries none). */
  readonly languages: readonly string[];
  readonly packaging: PackagingRules;
  readonly checks: readonly RuleCheck[];
}

export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  /** The rule, from the profile. */
  readonly message: string;
  /** What exactly is wrong here, and how to fix it. */
  readonly detail: string;
  readonly ref: string;
  /** The file or name part the finding is about, when there is one. */
  readonly subject?: string;
  /** Which check found it, finer than the rule (`rar.volume-missing`, `sfv.crc` …). */
  readonly code?: string;
  /** Files whose damage explains this finding; folded under them (see foldFollowOnFindings). */
  readonly causedBy?: readonly string[];
  /** Findings that follow from this one, folded under it: one problem, one finding. */
  readonly effects?: Finding[];
}

export function hasBlockingFinding(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}
