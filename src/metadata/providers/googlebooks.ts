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

interface Volume {
  id?: string;
  volumeInfo?: {
    title?: string;
    subtitle?: string;
    authors?: string[];
    publisher?: string;
    publishedDate?: string;
    industryIdentifiers?: { type: string; identifier: string }[];
    pageCount?: number;
    language?: string;
  };
}

/** A volume as a candidate, before scoring. */
function candidateOf(v: Volume): Omit<BookCandidate, 'score'> {
  const info = v.volumeInfo!;
  return {
    provider: 'googlebooks',
    id: v.id!,
    title: info.subtitle ? `${info.title}: ${info.subtitle}` : info.title!,
    authors: info.authors ?? [],
    year:
      info.publishedDate && /^\d{4}/.test(info.publishedDate) ? Number(info.publishedDate.slice(0, 4)) : null,
    publisher: info.publisher ?? null,
    isbn: info.industryIdentifiers?.find((i) => i.type === 'ISBN_13')?.identifier ?? null,
    pages: info.pageCount ?? null,
    language: info.language ?? null,
  };
}

/** Google Books `volumes.list`: `q=isbn:…`, else `intitle:… inauthor:…`; a key is optional. */
export const googleBooks: BookProvider = {
  id: 'googlebooks',
  async search(query: BookQuery, settings: ProviderSettings, signal?: AbortSignal): Promise<BookCandidate[]> {
    const q = query.isbn
      ? `isbn:${query.isbn.replace(/[-\s]/g, '')}`
      : [query.title ? `intitle:${query.title}` : '', query.author ? `inauthor:${query.author}` : '']
          .filter(Boolean)
          .join(' ');
    const params = new URLSearchParams({ q, maxResults: '10' });
    if (settings.apiKey) params.set('key', settings.apiKey);
    const body = (await getJson('googlebooks', `${settings.baseUrl}/books/v1/volumes?${params}`, {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      ...(signal ? { signal } : {}),
    })) as { kind?: string; items?: Volume[]; totalItems?: number };
    if (body?.kind !== 'books#volumes') {
      throw new RelpackError(
        ProviderErrorCode.PROVIDER_BAD_RESPONSE,
        'googlebooks sent something other than books#volumes',
        { provider: 'googlebooks' },
      );
    }
    return (body.items ?? [])
      .filter((v) => v.id && v.volumeInfo?.title)
      .map((v) => {
        const base = candidateOf(v);
        return { ...base, score: scoreBook(query, base) };
      });
  },
  async get(id, settings, signal) {
    if (!/^[\w-]{4,32}$/.test(id)) {
      throw new RelpackError('INVALID_ARGUMENT', `"${id}" is not a Google Books volume id`, {
        provider: 'googlebooks',
      });
    }
    const params = new URLSearchParams();
    if (settings.apiKey) params.set('key', settings.apiKey);
    const volume = (await getJson('googlebooks', `${settings.baseUrl}/books/v1/volumes/${id}?${params}`, {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      ...(signal ? { signal } : {}),
    }).catch(notFoundAsNull)) as (Volume & { kind?: string }) | null;
    if (!volume) return null;
    if (volume.kind !== 'books#volume' || !volume.id || !volume.volumeInfo?.title) {
      throw new RelpackError(
        ProviderErrorCode.PROVIDER_BAD_RESPONSE,
        'googlebooks sent something other than a books#volume',
        {
          provider: 'googlebooks',
        },
      );
    }
    return { ...candidateOf(volume), score: 1 };
  },
};
