/** What a name is built from; everything but the group is optional here and required per profile. */
export interface EbookNameInput {
  readonly author?: string;
  readonly title: string;
  readonly edition?: string;
  readonly issue?: string;
  readonly year?: number | string;
  readonly language?: string;
  readonly source?: string;
  readonly extraTags?: readonly string[];
  /** File extension of the eBook (`epub`, `pdf`, …), which decides the format tag. */
  readonly format?: string;
  readonly type?: string;
  readonly group: string;
}

export interface EpisodeNameInput {
  readonly show: string;
  readonly country?: string;
  readonly showYear?: number | string;
  readonly season?: number;
  readonly episodes?: readonly number[];
  readonly episodePart?: string;
  /** `YYYY-MM-DD` for daily shows. */
  readonly date?: string;
  /** Miniseries part number. */
  readonly part?: number;
  readonly episodeTitle?: string;
  readonly tags?: readonly string[];
  readonly language?: string;
  readonly resolution?: string;
  readonly format?: string;
  readonly codec?: string;
  readonly group: string;
}

export interface BuiltName {
  readonly name: string;
  /** Human-readable notes: what was transliterated or shortened, and why. */
  readonly notes: readonly string[];
}

export interface ParsedEbookName {
  readonly kind: 'ebook';
  readonly group: string | null;
  readonly titleWords: readonly string[];
  readonly year: number | null;
  readonly language: string | null;
  readonly source: string | null;
  readonly extraTags: readonly string[];
  readonly format: string | null;
  readonly type: string | null;
  readonly section: string | null;
  /** Tokens after the year that are no known tag. */
  readonly unknownTokens: readonly string[];
  /** Tags found out of the profile's order, as `TAG before TAG`. */
  readonly misordered: readonly string[];
  readonly repeated: readonly string[];
}

export type EpisodeMarker =
  | {
      readonly kind: 'season';
      readonly season: number;
      readonly episodes: readonly number[];
      readonly part: string | null;
    }
  | { readonly kind: 'absolute'; readonly episodes: readonly number[] }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'part'; readonly part: number };

export interface ParsedEpisodeName {
  readonly kind: 'episode';
  readonly group: string | null;
  readonly showWords: readonly string[];
  readonly country: string | null;
  readonly showYear: number | null;
  readonly episode: EpisodeMarker | null;
  readonly episodeTitleWords: readonly string[];
  readonly tags: readonly string[];
  readonly language: string | null;
  readonly resolution: string | null;
  readonly format: string | null;
  readonly codec: string | null;
  /** Upper-case words between the episode and the format that are no known tag. */
  readonly unknownTokens: readonly string[];
  readonly forbiddenVariants: readonly string[];
}
