import { RelpackError } from '../../engine/index.js';
import { getJson, ProviderErrorCode } from './http-json.js';
import {
  type BookCandidate,
  type BookProvider,
  type BookQuery,
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
};
