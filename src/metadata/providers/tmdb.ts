import { RelpackError } from '../../engine/index.js';
import { getJson, ProviderErrorCode } from './http-json.js';
import { notFoundAsNull, type ProviderSettings } from './provider.js';
import {
  scoreVideo,
  type VideoCandidate,
  type VideoProvider,
  type VideoQuery,
  yearOf,
} from './video-provider.js';

interface TmdbShow {
  id?: number;
  name?: string;
  title?: string;
  first_air_date?: string;
  release_date?: string;
}
interface TmdbSeason {
  episodes?: { episode_number?: number; season_number?: number; name?: string; air_date?: string | null }[];
}

const MAX_SHOWS_WITH_EPISODES = 3;

/** GET under /3 with the read access token. */
function client(settings: ProviderSettings, signal?: AbortSignal) {
  if (!settings.apiKey) {
    throw new RelpackError(ProviderErrorCode.PROVIDER_DISABLED, 'tmdb needs a read access token', {
      provider: 'tmdb',
    });
  }
  return (path: string) =>
    getJson('tmdb', `${settings.baseUrl}/3/${path}`, {
      timeoutMs: settings.timeoutMs,
      retries: settings.retries,
      headers: { authorization: `Bearer ${settings.apiKey}` },
      ...(signal ? { signal } : {}),
    });
}

/** The season's episode, or null when TMDb has no such season or episode. */
async function findEpisode(
  get: (path: string) => Promise<unknown>,
  showId: string,
  season: number,
  episode: number,
) {
  const answer = (await get(`tv/${showId}/season/${season}`).catch((error: unknown) => {
    if (error instanceof RelpackError && error.details.status === 404) return { episodes: [] };
    throw error;
  })) as TmdbSeason;
  return answer.episodes?.find((e) => e.episode_number === episode) ?? null;
}

/**
 * TMDb v3 with a read access token (`Authorization: Bearer`): `search/tv` or `search/movie`, then
 * for an episode the season of the best-matching shows (`tv/{id}/season/{n}`) for its title and
 * air date.
 */
export const tmdb: VideoProvider = {
  id: 'tmdb',
  async search(
    query: VideoQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<VideoCandidate[]> {
    const get = client(settings, signal);
    const movie = query.kind === 'movie';
    const params = new URLSearchParams({ query: query.title ?? '', include_adult: 'false', page: '1' });
    if (query.year) params.set(movie ? 'year' : 'first_air_date_year', String(query.year));
    const body = (await get(`search/${movie ? 'movie' : 'tv'}?${params}`)) as { results?: TmdbShow[] };
    if (!body || !Array.isArray(body.results)) {
      throw new RelpackError(ProviderErrorCode.PROVIDER_BAD_RESPONSE, 'tmdb sent no results array', {
        provider: 'tmdb',
      });
    }
    const shows = body.results
      .filter((r) => r.id !== undefined && (r.name ?? r.title))
      .map((r) => {
        const base = {
          provider: 'tmdb',
          id: String(r.id),
          kind: movie ? ('movie' as const) : ('series' as const),
          title: (r.name ?? r.title)!,
          year: yearOf(r.first_air_date ?? r.release_date),
          season: null as number | null,
          episode: null as number | null,
          episodeTitle: null as string | null,
          airDate: null as string | null,
          imdbId: null,
        };
        return { ...base, score: scoreVideo(query, base) };
      })
      .sort((a, b) => b.score - a.score);
    if (movie || query.season === undefined || query.episode === undefined) return shows;
    // The episode's own title and air date, for the few shows that match best.
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
        airDate: ep?.air_date ?? null,
      };
      out.push({ ...withEpisode, score: scoreVideo(query, withEpisode) });
    }
    return out;
  },
  async get(ref, settings, signal) {
    const get = client(settings, signal);
    if (!/^\d+$/.test(ref.id)) {
      throw new RelpackError('INVALID_ARGUMENT', `A TMDb id is a number, not "${ref.id}"`, {
        provider: 'tmdb',
      });
    }
    const movie = ref.kind === 'movie';
    const record = (await get(`${movie ? 'movie' : 'tv'}/${ref.id}`).catch(notFoundAsNull)) as
      | (TmdbShow & { imdb_id?: string | null })
      | null;
    if (!record || (!record.name && !record.title)) return null;
    const ep =
      !movie && ref.season !== undefined && ref.episode !== undefined
        ? await findEpisode(get, ref.id, ref.season, ref.episode)
        : null;
    return {
      provider: 'tmdb',
      id: String(record.id ?? ref.id),
      kind: movie ? 'movie' : ep ? 'episode' : 'series',
      title: (record.name ?? record.title)!,
      year: yearOf(record.first_air_date ?? record.release_date),
      season: ep ? ref.season! : null,
      episode: ep ? ref.episode! : null,
      episodeTitle: ep?.name ?? null,
      airDate: ep?.air_date ?? null,
      imdbId: record.imdb_id ?? null,
      score: 1,
    };
  },
};
