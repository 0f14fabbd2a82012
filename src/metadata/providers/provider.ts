import { RelpackError } from '../../engine/index.js';
export interface BookQuery {
  readonly isbn?: string;
  readonly title?: string;
  readonly author?: string;
  readonly year?: number;
}

/** A provider's answer, normalised; `score` (0–1) says how well it matches the query. */
export interface BookCandidate {
  readonly provider: string;
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year: number | null;
  readonly publisher: string | null;
  readonly isbn: string | null;
  readonly pages: number | null;
  readonly language: string | null;
  readonly score: number;
}

export interface ProviderSettings {
  readonly baseUrl: string;
  readonly apiKey: string | null;
  readonly timeoutMs: number;
  readonly retries: number;
}

export interface BookProvider {
  readonly id: string;
  search(query: BookQuery, settings: ProviderSettings, signal?: AbortSignal): Promise<BookCandidate[]>;
  /** The record with this id (score 1: the user chose it), or null when the provider has none. */
  get(id: string, settings: ProviderSettings, signal?: AbortSignal): Promise<BookCandidate | null>;
}

/** A 404 from a provider means "no such record" when fetching by id. */
export const notFoundAsNull = (error: unknown): null => {
  if (error instanceof RelpackError && error.details.status === 404) return null;
  throw error;
};

/** Lower-case ASCII words of a title, accents removed: what the match scores compare. */
export const titleWords = (text: string, minLength = 2) =>
  new Set(
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= minLength),
  );

/** Title overlap (Jaccard) weighs most, then the author, then the year; an ISBN match is certain. */
export function scoreBook(query: BookQuery, c: Omit<BookCandidate, 'score'>): number {
  if (query.isbn && c.isbn && query.isbn.replace(/[-\s]/g, '') === c.isbn) return 1;
  let score = 0;
  if (query.title) {
    const a = titleWords(query.title);
    const b = titleWords(c.title);
    const inter = [...a].filter((w) => b.has(w)).length;
    score += 0.7 * (inter / Math.max(1, new Set([...a, ...b]).size));
  } else score += 0.35;
  if (query.author) {
    const wanted = titleWords(query.author);
    score += c.authors.some((name) => [...titleWords(name)].some((w) => wanted.has(w))) ? 0.2 : 0;
  }
  if (query.year && c.year) score += Math.abs(query.year - c.year) <= 1 ? 0.1 : 0;
  return Math.round(score * 1000) / 1000;
}
