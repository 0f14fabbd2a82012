import { createHash } from 'node:crypto';
import PQueue from 'p-queue';
import type { ProviderCacheRepository } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import {
  type BookCandidate,
  type BookProvider,
  type BookQuery,
  googleBooks,
  omdb,
  openLibrary,
  ProviderErrorCode,
  type ProviderSettings,
  tmdb,
  tvdb,
  type VideoCandidate,
  type VideoProvider,
  type VideoQuery,
  type VideoRef,
} from '../../metadata/index.js';
import type { ApiConfigService, ProviderId } from '../api-configs/api-config-service.js';
import type { BookLookup, BookLookupResult, VideoLookup, VideoLookupResult } from './metadata-contract.js';

const DEFAULT_BASE: Record<string, string> = {
  openlibrary: 'https://openlibrary.org',
  googlebooks: 'https://www.googleapis.com',
  omdb: 'https://www.omdbapi.com',
  tmdb: 'https://api.themoviedb.org',
  tvdb: 'https://api4.thetvdb.com',
};
const BOOK_PROVIDERS: Record<string, BookProvider> = { openlibrary: openLibrary, googlebooks: googleBooks };
const VIDEO_PROVIDERS: Record<string, VideoProvider> = { tmdb, tvdb, omdb };
export const DEFAULT_BOOK_CHAIN = ['openlibrary', 'googlebooks'] as const;
export const DEFAULT_VIDEO_CHAIN = ['tmdb', 'omdb'] as const;

/** What every provider client has: a search that returns scored candidates. */
interface AnyProvider<Q, C> {
  readonly id: string;
  search(query: Q, settings: ProviderSettings, signal?: AbortSignal): Promise<C[]>;
}
const CACHE_DAYS = 7;

export interface LookupResult<C = BookCandidate> {
  readonly candidates: readonly C[];
  /** Providers tried, in order, with what happened. */
  readonly tried: readonly {
    provider: string;
    outcome: 'hit' | 'miss' | 'cached' | 'error';
    error?: string;
  }[];
}

/**
 * Book lookups through a fallback chain (first provider with candidates wins), each provider with
 * its own concurrency and rate limit, a daily quota counted in the database, and a database
 * cache so a repeated lookup makes no request.
 */
export class MetadataLookup {
  private readonly queues = new Map<string, PQueue>();

  constructor(
    private readonly configs: ApiConfigService,
    private readonly cache: ProviderCacheRepository,
    private readonly clock: () => Date,
    /** The user's provider chain (the metadata.bookProviders / videoProviders preferences). */
    private readonly chainOf: (
      userId: string,
      kind: 'book' | 'video',
    ) => Promise<readonly string[]> = async () => [],
  ) {}

  lookupBook(
    query: BookQuery,
    options: { chain?: readonly string[]; provider?: string } = {},
  ): Promise<LookupResult> {
    return this.lookup(BOOK_PROVIDERS, DEFAULT_BOOK_CHAIN, 'book', query, options);
  }

  /** Films, shows and episodes: TMDb then OMDb unless the chain (a preference) or a pinned provider says otherwise. */
  lookupVideo(
    query: VideoQuery,
    options: { chain?: readonly string[]; provider?: string } = {},
  ): Promise<LookupResult<VideoCandidate>> {
    return this.lookup(VIDEO_PROVIDERS, DEFAULT_VIDEO_CHAIN, 'video', query, options);
  }

  /** The fallback chain: the first provider with candidates wins; all failing rethrows the last error. */
  private async lookup<Q, C extends { score: number }>(
    providers: Record<string, AnyProvider<Q, C>>,
    defaultChain: readonly string[],
    kind: string,
    query: Q,
    options: { chain?: readonly string[]; provider?: string },
  ): Promise<LookupResult<C>> {
    const chain = options.provider ? [options.provider] : (options.chain ?? defaultChain);
    const tried: { provider: string; outcome: 'hit' | 'miss' | 'cached' | 'error'; error?: string }[] = [];
    let lastError: RelpackError | null = null;
    for (const id of chain) {
      const provider = providers[id];
      if (!provider)
        throw new RelpackError('UNKNOWN_PROVIDER', `No ${kind} provider "${id}"`, {
          provider: id,
          known: Object.keys(providers),
        });
      try {
        const { candidates, cached } = await this.search(provider, query);
        tried.push({ provider: id, outcome: cached ? 'cached' : candidates.length > 0 ? 'hit' : 'miss' });
        if (candidates.length > 0)
          return { candidates: [...candidates].sort((a, b) => b.score - a.score), tried };
      } catch (error) {
        if (!(error instanceof RelpackError)) throw error;
        lastError = error;
        tried.push({ provider: id, outcome: 'error', error: error.code });
        if (options.provider) throw error;
      }
    }
    if (lastError && tried.every((t) => t.outcome === 'error')) throw lastError;
    return { candidates: [], tried };
  }

  /**
   * Checks a provider with a real request that bypasses the cache and the quota: reachable,
   * answering, key accepted. Reports the latency, or the error code and message.
   */
  async test(id: string): Promise<{
    provider: string;
    ok: boolean;
    latencyMs: number;
    candidates: number;
    error?: { code: string; message: string };
  }> {
    const provider = (BOOK_PROVIDERS[id] ?? VIDEO_PROVIDERS[id]) as AnyProvider<unknown, unknown> | undefined;
    if (!provider) {
      throw new RelpackError(
        'UNKNOWN_PROVIDER',
        `No testable provider "${id}" (books: ${Object.keys(BOOK_PROVIDERS).join(', ')}; video: ${Object.keys(VIDEO_PROVIDERS).join(', ')})`,
        { provider: id },
      );
    }
    const probe: unknown = BOOK_PROVIDERS[id]
      ? { title: 'The Hobbit', author: 'Tolkien' }
      : { title: 'Breaking Bad', kind: 'episode' };
    const { apiKey, settings } = await this.configs.credentials(id as ProviderId);
    const started = performance.now();
    try {
      const found = await provider.search(probe, {
        baseUrl: settings.baseUrl ?? DEFAULT_BASE[id]!,
        apiKey,
        timeoutMs: settings.timeoutMs ?? 10_000,
        retries: 0,
      });
      return {
        provider: id,
        ok: true,
        latencyMs: Math.round(performance.now() - started),
        candidates: found.length,
      };
    } catch (error) {
      if (!(error instanceof RelpackError)) throw error;
      return {
        provider: id,
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        candidates: 0,
        error: { code: error.code, message: error.message },
      };
    }
  }

  private search<Q, C>(provider: AnyProvider<Q, C>, query: Q): Promise<{ candidates: C[]; cached: boolean }> {
    return this.cached(provider.id, query, (settings, signal) => provider.search(query, settings, signal));
  }

  /**
   * One record pinned by its provider id (a book: an ISBN, an Open Library edition or a Google
   * volume id), to override a wrong match. Cached and counted like a search.
   */
  async getBook(providerId: string, id: string): Promise<LookupResult> {
    return this.pinned(BOOK_PROVIDERS, 'book', providerId, { id }, (p, settings, signal) =>
      (p as BookProvider).get(id, settings, signal),
    );
  }

  /** A film, a series, or a series' episode, pinned by its provider id. */
  async getVideo(providerId: string, ref: VideoRef): Promise<LookupResult<VideoCandidate>> {
    return this.pinned(VIDEO_PROVIDERS, 'video', providerId, ref, (p, settings, signal) =>
      (p as VideoProvider).get(ref, settings, signal),
    );
  }

  private async pinned<C>(
    providers: Record<string, { id: string }>,
    kind: string,
    providerId: string,
    ref: object,
    fetch: (provider: { id: string }, settings: ProviderSettings, signal?: AbortSignal) => Promise<C | null>,
  ): Promise<LookupResult<C>> {
    const provider = providers[providerId];
    if (!provider) {
      throw new RelpackError('UNKNOWN_PROVIDER', `No ${kind} provider "${providerId}"`, {
        provider: providerId,
        known: Object.keys(providers),
      });
    }
    const { candidates, cached } = await this.cached(providerId, { get: ref }, async (settings, signal) => {
      const found = await fetch(provider, settings, signal);
      return found ? [found] : [];
    });
    return {
      candidates,
      tried: [{ provider: providerId, outcome: cached ? 'cached' : candidates.length > 0 ? 'hit' : 'miss' }],
    };
  }

  private async cached<C>(
    providerId: string,
    keyPayload: unknown,
    call: (settings: ProviderSettings, signal?: AbortSignal) => Promise<C[]>,
  ): Promise<{ candidates: C[]; cached: boolean }> {
    const provider = { id: providerId };
    const query = keyPayload;
    const { apiKey, settings, enabled } = await this.configs.credentials(provider.id as ProviderId);
    if (!enabled)
      throw new RelpackError(ProviderErrorCode.PROVIDER_DISABLED, `${provider.id} is disabled`, {
        provider: provider.id,
      });
    const now = this.clock();
    const key = `${provider.id}:${createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 40)}`;
    const hit = await this.cache.get(key, now);
    if (hit !== undefined) return { candidates: hit as C[], cached: true };
    const day = now.toISOString().slice(0, 10);
    if (settings.dailyQuota && (await this.cache.count(provider.id, day)) >= settings.dailyQuota) {
      throw new RelpackError(
        ProviderErrorCode.QUOTA_EXCEEDED,
        `${provider.id} has used its ${settings.dailyQuota} requests for ${day}`,
        {
          provider: provider.id,
          quota: settings.dailyQuota,
        },
      );
    }
    const queue = this.queueFor(provider.id, settings.concurrency ?? 2, settings.requestsPerSecond ?? 5);
    const candidates = (await queue.add(async () => {
      await this.cache.increment(provider.id, day);
      return call({
        baseUrl: settings.baseUrl ?? DEFAULT_BASE[provider.id]!,
        apiKey,
        timeoutMs: settings.timeoutMs ?? 10_000,
        retries: settings.retries ?? 2,
      });
    })) as C[];
    await this.cache.put(key, provider.id, candidates, new Date(now.getTime() + CACHE_DAYS * 86_400_000));
    return { candidates, cached: false };
  }

  private queueFor(id: string, concurrency: number, perSecond: number): PQueue {
    let queue = this.queues.get(id);
    if (!queue) {
      queue = new PQueue({ concurrency, intervalCap: Math.max(1, Math.floor(perSecond)), interval: 1000 });
      this.queues.set(id, queue);
    }
    return queue;
  }

  /**
   * `POST /api/metadata/lookup`: book candidates through the caller's chain (the
   * metadata.bookProviders preference), one pinned provider, or one pinned record.
   */
  async books(caller: { readonly userId: string }, request: BookLookup): Promise<BookLookupResult> {
    const { provider, id, ...query } = request;
    const chain = await this.chainOf(caller.userId, 'book');
    const result =
      id && provider
        ? await this.getBook(provider, id)
        : await this.lookupBook(query, provider ? { provider } : { chain: [...chain] });
    return {
      candidates: result.candidates.map((c) => ({ ...c, authors: [...c.authors] })),
      tried: [...result.tried],
    };
  }

  /** `POST /api/metadata/lookup/video`: the same for films, shows and episodes. */
  async videos(caller: { readonly userId: string }, request: VideoLookup): Promise<VideoLookupResult> {
    const { provider, id, ...query } = request;
    const chain = await this.chainOf(caller.userId, 'video');
    const result =
      id && provider
        ? await this.getVideo(provider, {
            id,
            kind:
              query.kind === 'movie'
                ? 'movie'
                : query.season !== undefined && query.episode !== undefined
                  ? 'episode'
                  : 'series',
            ...(query.season !== undefined ? { season: query.season } : {}),
            ...(query.episode !== undefined ? { episode: query.episode } : {}),
          })
        : await this.lookupVideo(query, provider ? { provider } : { chain: [...chain] });
    return { candidates: [...result.candidates], tried: [...result.tried] };
  }
}
