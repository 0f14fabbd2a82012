import { RelpackError } from '../../engine/index.js';
import { getJson, ProviderErrorCode } from './http-json.js';
import type { ProviderSettings } from './provider.js';
import {
  scoreVideo,
  type VideoCandidate,
  type VideoProvider,
  type VideoQuery,
  yearOf,
} from './video-provider.js';

interface OmdbItem {
  Title?: string;
  Year?: string;
  imdbID?: string;
  Type?: string;
}

/**
 * OMDb (`/?apikey=…`): `s=` searches films and series by title (and `y=` year), `i=` fetches one
 * IMDb id. OMDb answers a miss with HTTP 200 and `{"Response":"False","Error":"…not found!"}`.
 */
export const omdb: VideoProvider = {
  id: 'omdb',
  async search(
    query: VideoQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<VideoCandidate[]> {
    if (!settings.apiKey) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_DISABLED, 'omdb needs an API key', {
        provider: 'omdb',
      });
    }
    const params = new URLSearchParams({ apikey: settings.apiKey });
    if (query.imdbId) params.set('i', query.imdbId);
    else {
      params.set('s', query.title ?? '');
      params.set('type', query.kind === 'movie' ? 'movie' : 'series');
      if (query.year) params.set('y', String(query.year));
    }
    const body = (await getJson('omdb', `${settings.baseUrl}/?${params}`, {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      ...(signal ? { signal } : {}),
    })) as { Response?: string; Error?: string; Search?: OmdbItem[] } & OmdbItem;
    if (body?.Response === 'False') {
      if (/not found/i.test(body.Error ?? '')) return [];
      throw new RelpackError(ProviderErrorCode.PROVIDER_ERROR, `omdb refused the request: ${body.Error}`, {
        provider: 'omdb',
      });
    }
    const items = query.imdbId ? [body] : body?.Search;
    if (!Array.isArray(items)) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_BAD_RESPONSE, 'omdb sent no Search array', {
        provider: 'omdb',
      });
    }
    return items
      .filter((i) => i.imdbID && i.Title)
      .map((i) => {
        const base = {
          provider: 'omdb',
          id: i.imdbID!,
          kind:
            i.Type === 'movie'
              ? ('movie' as const)
              : i.Type === 'episode'
                ? ('episode' as const)
                : ('series' as const),
          title: i.Title!,
          year: yearOf(i.Year),
          season: null,
          episode: null,
          episodeTitle: null,
          airDate: null,
          imdbId: i.imdbID!,
        };
        return { ...base, score: scoreVideo(query, base) };
      });
  },
  async get(ref, settings, signal) {
    if (!/^tt\d+$/.test(ref.id)) {
      throw new RelpackError(
        'INVALID_ARGUMENT',
        `An OMDb id is an IMDb id such as tt0088247, not "${ref.id}"`,
        {
          provider: 'omdb',
        },
      );
    }
    const [found] = await omdb.search(
      { kind: ref.kind === 'movie' ? 'movie' : 'episode', imdbId: ref.id },
      settings,
      signal,
    );
    return found ? { ...found, score: 1 } : null;
  },
};
