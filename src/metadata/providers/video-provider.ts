import { type ProviderSettings, titleWords } from './provider.js';

/** A film, a show, or one episode of a show (season and episode given). */
export interface VideoQuery {
  readonly title?: string;
  readonly year?: number;
  readonly season?: number;
  readonly episode?: number;
  /** `tt…`: looked up directly where the provider supports it. */
  readonly imdbId?: string;
  readonly kind: 'episode' | 'movie';
}

export interface VideoCandidate {
  readonly provider: string;
  readonly id: string;
  readonly kind: 'series' | 'movie' | 'episode';
  /** The show's or the film's title. */
  readonly title: string;
  readonly year: number | null;
  readonly season: number | null;
  readonly episode: number | null;
  readonly episodeTitle: string | null;
  readonly airDate: string | null;
  readonly imdbId: string | null;
  readonly score: number;
}

/** One record at a provider, as a user pins it: the provider's id, what it is, and the episode wanted. */
export interface VideoRef {
  readonly id: string;
  readonly kind: 'series' | 'movie' | 'episode';
  readonly season?: number;
  readonly episode?: number;
}

export interface VideoProvider {
  readonly id: string;
  search(query: VideoQuery, settings: ProviderSettings, signal?: AbortSignal): Promise<VideoCandidate[]>;
  /** The record with this id (score 1: the user chose it), or null when the provider has none. */
  get(ref: VideoRef, settings: ProviderSettings, signal?: AbortSignal): Promise<VideoCandidate | null>;
}

/** Title overlap weighs most, then the year; the asked-for episode found adds the rest; an IMDb id match is certain. */
export function scoreVideo(query: VideoQuery, c: Omit<VideoCandidate, 'score'>): number {
  if (query.imdbId && c.imdbId === query.imdbId) return 1;
  let score = 0;
  if (query.title) {
    const a = titleWords(query.title, 1);
    const b = titleWords(c.title, 1);
    const inter = [...a].filter((w) => b.has(w)).length;
    score += 0.7 * (inter / Math.max(1, new Set([...a, ...b]).size));
  } else score += 0.35;
  if (query.year && c.year) score += Math.abs(query.year - c.year) <= 1 ? 0.2 : 0;
  else if (!query.year) score += 0.1;
  if (query.kind === 'episode' && query.season !== undefined && c.episodeTitle && c.season === query.season)
    score += 0.1;
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

export const yearOf = (date: string | null | undefined): number | null => {
  const m = /^(\d{4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
};
