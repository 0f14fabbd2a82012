import { createHash } from 'node:crypto';
import { RelpackError } from '../../engine/index.js';
import { ProviderErrorCode, requestJson } from './http-json.js';
import { notFoundAsNull, type ProviderSettings } from './provider.js';
import {
  scoreVideo,
  type VideoCandidate,
  type VideoProvider,
  type VideoQuery,
  yearOf,
} from './video-provider.js';

interface TvdbSearchItem {
  objectID?: string;
  id?: string;
  tvdb_id?: string | number;
  name?: string;
  type?: string;
  year?: string;
  first_air_time?: string;
  remote_ids?: { id?: string; sourceName?: string }[];
}
interface TvdbEpisode {
  name?: string | null;
  aired?: string | null;
  number?: number;
  seasonNumber?: number;
}
interface Envelope<T> {
  status?: string;
  message?: string;
  data?: T;
}

const MAX_SHOWS_WITH_EPISODES = 3;
/** TVDB tokens last a month; renewing a little early keeps a long-running server from a 401 burst. */
const TOKEN_LIFETIME_MS = 25 * 24 * 3600 * 1000;

/**
 * Bearer tokens by base URL and key, so a lookup does not log in again. A cache, not state that
 * changes an answer: a rejected token is dropped and the request repeated after a new login.
 */
const tokens = new Map<string, { token: string; expiresAt: number }>();
const tokenKey = (settings: ProviderSettings) =>
  createHash('sha256').update(`${settings.baseUrl}\n${settings.apiKey}`).digest('hex');

async function login(settings: ProviderSettings, signal?: AbortSignal): Promise<string> {
  const key = tokenKey(settings);
  const known = tokens.get(key);
  if (known && known.expiresAt > Date.now()) return known.token;
  let body: Envelope<{ token?: string }>;
  try {
    body = (await requestJson('tvdb', `${settings.baseUrl}/v4/login`, {
      method: 'post',
      json: { apikey: settings.apiKey },
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      ...(signal ? { signal } : {}),
    })) as Envelope<{ token?: string }>;
  } catch (error) {
    if (error instanceof RelpackError && error.details.status === 401) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_ERROR, 'tvdb refused the API key (HTTP 401)', {
        provider: 'tvdb',
        status: 401,
      });
    }
    throw error;
  }
  const token = body?.data?.token;
  if (typeof token !== 'string' || !token) {
    throw new RelpackError(ProviderErrorCode.PROVIDER_BAD_RESPONSE, 'tvdb login sent no token', {
      provider: 'tvdb',
    });
  }
  tokens.set(key, { token, expiresAt: Date.now() + TOKEN_LIFETIME_MS });
  return token;
}

/** GET under /v4 with a bearer token; a token the server no longer accepts is renewed once. */
function client(settings: ProviderSettings, signal?: AbortSignal) {
  if (!settings.apiKey) {
    throw new RelpackError(ProviderErrorCode.PROVIDER_DISABLED, 'tvdb needs an API key', {
      provider: 'tvdb',
    });
  }
  return async (path: string): Promise<unknown> => {
    const once = async () =>
      requestJson('tvdb', `${settings.baseUrl}/v4/${path}`, {
        timeoutMs: settings.timeoutMs,
        retries: settings.retries,
        headers: { authorization: `Bearer ${await login(settings, signal)}` },
        ...(signal ? { signal } : {}),
      });
    try {
      return await once();
    } catch (error) {
      if (!(error instanceof RelpackError) || error.details.status !== 401) throw error;
      tokens.delete(tokenKey(settings));
      return once();
    }
  };
}

/** The episode in the default (aired) order, or null when the series has no such episode. */
async function findEpisode(
  get: (path: string) => Promise<unknown>,
  seriesId: string,
  season: number,
  episode: number,
): Promise<TvdbEpisode | null> {
  const params = new URLSearchParams({ page: '0', season: String(season), episodeNumber: String(episode) });
  const answer = (await get(`series/${seriesId}/episodes/default?${params}`).catch(
    notFoundAsNull,
  )) as Envelope<{
    episodes?: TvdbEpisode[];
  }> | null;
  return answer?.data?.episodes?.find((e) => e.seasonNumber === season && e.number === episode) ?? null;
}

/**
 * TheTVDB v4: log in with the API key (`POST /v4/login`) for a bearer token, search series or
 * films (`/v4/search?type=…`), and for an episode read the default (aired) order of the best
 * matching series (`/v4/series/{id}/episodes/default?season=&episodeNumber=`) for its title and
 * air date. The year is scored, not sent: TVDB answers nothing at all for a wrong year.
 */
export const tvdb: VideoProvider = {
  id: 'tvdb',
  async search(
    query: VideoQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<VideoCandidate[]> {
    const get = client(settings, signal);
    const movie = query.kind === 'movie';
    const params = new URLSearchParams({
      query: query.title ?? '',
      type: movie ? 'movie' : 'series',
      limit: '20',
    });
    const body = (await get(`search?${params}`)) as Envelope<TvdbSearchItem[]>;
    if (body?.status !== 'success' || !Array.isArray(body.data)) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_BAD_RESPONSE, 'tvdb sent no search results', {
        provider: 'tvdb',
      });
    }
    const shows = body.data
      .map((item) => ({ item, id: String(item.tvdb_id ?? item.id ?? '').replace(/^(series|movie)-/, '') }))
      .filter(({ item, id }) => /^\d+$/.test(id) && item.name)
      .map(({ item, id }) => {
        const base = {
          provider: 'tvdb',
          id,
          kind: movie ? ('movie' as const) : ('series' as const),
          title: item.name!,
          year: item.year && /^\d{4}$/.test(item.year) ? Number(item.year) : yearOf(item.first_air_time),
          season: null as number | null,
          episode: null as number | null,
          episodeTitle: null as string | null,
          airDate: null as string | null,
          imdbId: item.remote_ids?.find((r) => r.sourceName === 'IMDB')?.id ?? null,
        };
        return { ...base, score: scoreVideo(query, base) };
      })
      .sort((a, b) => b.score - a.score);
    if (movie || query.season === undefined || query.episode === undefined) return shows;
    const out: VideoCandidate[] = [];
    for (const [index, show] of shows.entries()) {
      if (index >= MAX_SHOWS_WITH_EPISODES) {
        out.push(show);
        continue;
      }
      const ep = await findEpisode(get, show.id, query.season, query.episode);
      const withEpisode = {
        ...show,
        kind: ep ? ('episode' as const) : show.kind,
        season: ep ? query.season : null,
        episode: ep ? query.episode : null,
        episodeTitle: ep?.name ?? null,
        airDate: ep?.aired ?? null,
      };
      out.push({ ...withEpisode, score: scoreVideo(query, withEpisode) });
    }
    return out;
  },
  async get(ref, settings, signal) {
    const get = client(settings, signal);
    const id = ref.id.replace(/^(series|movie)-/, '');
    if (!/^\d+$/.test(id)) {
      throw new RelpackError('INVALID_ARGUMENT', `A TVDB id is a number, not "${ref.id}"`, {
        provider: 'tvdb',
      });
    }
    const movie = ref.kind === 'movie';
    const answer = (await get(`${movie ? 'movies' : 'series'}/${id}`).catch(notFoundAsNull)) as Envelope<{
      id?: number;
      name?: string;
      year?: string;
      firstAired?: string;
    }> | null;
    const record = answer?.status === 'success' ? answer.data : null;
    if (!record?.name) return null;
    const ep =
      !movie && ref.season !== undefined && ref.episode !== undefined
        ? await findEpisode(get, id, ref.season, ref.episode)
        : null;
    return {
      provider: 'tvdb',
      id,
      kind: movie ? 'movie' : ep ? 'episode' : 'series',
      title: record.name,
      year: record.year && /^\d{4}$/.test(record.year) ? Number(record.year) : yearOf(record.firstAired),
      season: ep ? ref.season! : null,
      episode: ep ? ref.episode! : null,
      episodeTitle: ep?.name ?? null,
      airDate: ep?.aired ?? null,
      imdbId: null,
      score: 1,
    };
  },
};
