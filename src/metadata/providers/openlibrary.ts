import { RelpackError } from '../../engine/index.js';
import { getJson, ProviderErrorCode } from './http-json.js';
import {
  type BookCandidate,
  type BookProvider,
  type BookQuery,
  notFoundAsNull,
  type ProviderSettings,
  scoreBook,
} from './provider.js';

interface SearchDoc {
  key?: string;
  title?: string;
  author_name?: string[];
  first_publish_year?: number;
  publisher?: string[];
  isbn?: string[];
  number_of_pages_median?: number;
  language?: string[];
}

interface Edition {
  title?: string;
  subtitle?: string;
  authors?: { key?: string }[];
  publishers?: string[];
  publish_date?: string;
  isbn_13?: string[];
  isbn_10?: string[];
  number_of_pages?: number;
  languages?: { key?: string }[];
  key?: string;
}

/** Where one edition lives: `/isbn/{isbn}.json` or `/books/{OLID}.json`. */
function editionPath(id: string): string {
  const bare = id.replace(/^\/?(books|works)\//, '').replace(/[-\s]/g, '');
  if (/^(97[89])?\d{9}[\dX]$/i.test(bare)) return `/isbn/${bare.toUpperCase()}.json`;
  if (/^OL\d+M$/i.test(bare)) return `/books/${bare.toUpperCase()}.json`;
  if (/^OL\d+W$/i.test(bare)) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `${bare} is an Open Library work, which has many editions: pin an edition (OL…M) or an ISBN`,
      { provider: 'openlibrary' },
    );
  }
  throw new RelpackError(
    'INVALID_ARGUMENT',
    `"${id}" is neither an ISBN nor an Open Library edition id (OL…M)`,
    {
      provider: 'openlibrary',
    },
  );
}

/** Open Library's search API (`/search.json`): by ISBN, else by title and author. No key. */
export const openLibrary: BookProvider = {
  id: 'openlibrary',
  async search(query: BookQuery, settings: ProviderSettings, signal?: AbortSignal): Promise<BookCandidate[]> {
    const params = new URLSearchParams();
    if (query.isbn) params.set('isbn', query.isbn.replace(/[-\s]/g, ''));
    else {
      if (query.title) params.set('title', query.title);
      if (query.author) params.set('author', query.author);
    }
    params.set('limit', '10');
    const body = (await getJson('openlibrary', `${settings.baseUrl}/search.json?${params}`, {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      ...(signal ? { signal } : {}),
    })) as { docs?: SearchDoc[] };
    if (!body || !Array.isArray(body.docs)) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_BAD_RESPONSE, 'openlibrary sent no docs array', {
        provider: 'openlibrary',
      });
    }
    return body.docs
      .filter((d) => d.key && d.title)
      .map((d) => {
        const isbn13 = d.isbn?.find((i) => i.length === 13) ?? d.isbn?.[0] ?? null;
        const base = {
          provider: 'openlibrary',
          id: d.key!,
          title: d.title!,
          authors: d.author_name ?? [],
          year: d.first_publish_year ?? null,
          publisher: d.publisher?.[0] ?? null,
          isbn:
            query.isbn && d.isbn?.includes(query.isbn.replace(/[-\s]/g, ''))
              ? query.isbn.replace(/[-\s]/g, '')
              : isbn13,
          pages: d.number_of_pages_median ?? null,
          language: d.language?.[0] ?? null,
        };
        return { ...base, score: scoreBook(query, base) };
      });
  },
  async get(id, settings, signal) {
    const get = (path: string) =>
      getJson('openlibrary', `${settings.baseUrl}${path}`, {
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        ...(signal ? { signal } : {}),
      });
    const edition = (await get(editionPath(id)).catch(notFoundAsNull)) as Edition | null;
    if (!edition?.title) return null;
    // An edition names its authors by key only; their records hold the names.
    const authors: string[] = [];
    for (const a of (edition.authors ?? []).slice(0, 3)) {
      if (!a.key || !/^\/authors\/OL\d+A$/.test(a.key)) continue;
      const author = (await get(`${a.key}.json`).catch(notFoundAsNull)) as { name?: string } | null;
      if (author?.name) authors.push(author.name);
    }
    const year = /(\d{4})(?!.*\d{4})/.exec(edition.publish_date ?? '')?.[1];
    return {
      provider: 'openlibrary',
      id: edition.key?.replace(/^\/books\//, '') ?? id,
      title: edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title,
      authors,
      year: year ? Number(year) : null,
      publisher: edition.publishers?.[0] ?? null,
      isbn: edition.isbn_13?.[0] ?? edition.isbn_10?.[0] ?? null,
      pages: edition.number_of_pages ?? null,
      language: edition.languages?.[0]?.key?.replace(/^\/languages\//, '') ?? null,
      score: 1,
    };
  },
};
