// Film and TV lookups (TMDb, then OMDb) against a local server replaying documented responses:
// an episode with its title and air date, the fallback chain and its order as a preference, the
// cache, a pinned provider, a refused key and a server error.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMkv } from '../helpers/make-mkv.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { shouldRunWith } from '../helpers/tools.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

const fixture = (name: string) => readFile(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');

describe('video metadata lookup', () => {
  let s: TestServer;
  let provider: Server;
  let admin: string;
  const requests: { path: string; auth: string | undefined }[] = [];
  const mode: { tmdb: 'normal' | '500' } = { tmdb: 'normal' };

  beforeAll(async () => {
    const [geass, season, tmdbMiss, terminator, notFound, badKey] = (await Promise.all(
      [
        'tmdb-tv-list-code-geass.json',
        'tmdb-season-details.json',
        'tmdb-search-miss.json',
        'omdb-search-terminator.json',
        'omdb-not-found.json',
        'omdb-invalid-key.json',
      ].map(fixture),
    )) as [string, string, string, string, string, string];
    provider = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push({ path: `${url.pathname}?${url.searchParams}`, auth: req.headers.authorization });
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (url.pathname.startsWith('/3/')) {
        if (req.headers.authorization !== 'Bearer tmdb-token')
          return send(401, '{"success":false,"status_code":7}');
        if (mode.tmdb === '500') return send(500, '{}');
        if (url.pathname === '/3/search/tv')
          return send(200, /code geass/i.test(url.searchParams.get('query') ?? '') ? geass : tmdbMiss);
        if (url.pathname === '/3/search/movie') return send(200, tmdbMiss);
        if (/^\/3\/tv\/\d+\/season\/7$/.test(url.pathname)) return send(200, season);
        return send(404, '{"success":false,"status_code":34}');
      }
      if (url.pathname === '/') {
        if (url.searchParams.get('apikey') !== 'omdb-key') return send(401, badKey);
        return send(200, /terminator/i.test(url.searchParams.get('s') ?? '') ? terminator : notFound);
      }
      send(404, '{}');
    });
    provider.listen(0, '127.0.0.1');
    await once(provider, 'listening');
    const base = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    s = await startTestServer('sqlite', {}, { realClock: true });
    admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    for (const [id, key] of [
      ['tmdb', 'tmdb-token'],
      ['omdb', 'omdb-key'],
    ] as const) {
      const r = await s.app.inject({
        method: 'PUT',
        url: `/api/config/apis/${id}`,
        headers: { authorization: `Bearer ${admin}` },
        payload: { apiKey: key, enabled: true, settings: { baseUrl: base, timeoutMs: 1000, retries: 0 } },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => {
    await s?.close();
    provider?.close();
  });

  const lookup = (payload: Record<string, unknown>) =>
    s.app.inject({
      method: 'POST',
      url: '/api/metadata/lookup/video',
      headers: { authorization: `Bearer ${admin}` },
      payload,
    });

  it('finds an episode on TMDb with its title and air date, sending the token as a bearer', async () => {
    const r = await lookup({ kind: 'episode', title: 'Code Geass', season: 7, episode: 1 });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.tried).toEqual([{ provider: 'tmdb', outcome: 'hit' }]);
    expect(body.candidates[0]).toEqual({
      provider: 'tmdb',
      id: '31724',
      kind: 'episode',
      title: 'Code Geass: Lelouch of the Rebellion',
      year: 2006,
      season: 7,
      episode: 1,
      episodeTitle: 'Moving in with Min',
      airDate: '1975-11-05',
      imdbId: null,
      score: expect.any(Number),
    });
    expect(body.candidates[0].score).toBeGreaterThan(0.3);
    expect(
      requests.filter((q) => q.path.startsWith('/3/')).every((q) => q.auth === 'Bearer tmdb-token'),
    ).toBe(true);
    const again = await lookup({ kind: 'episode', title: 'Code Geass', season: 7, episode: 1 });
    expect(again.json().tried).toEqual([{ provider: 'tmdb', outcome: 'cached' }]);
  });

  it('falls back to OMDb when TMDb has nothing, and ranks by title and year', async () => {
    const r = await lookup({ kind: 'movie', title: 'The Terminator', year: 1984 });
    const body = r.json();
    expect(body.tried).toEqual([
      { provider: 'tmdb', outcome: 'miss' },
      { provider: 'omdb', outcome: 'hit' },
    ]);
    expect(body.candidates.map((c: { id: string }) => c.id)).toEqual(['tt0088247', 'tt0267719']);
    expect(body.candidates[0]).toMatchObject({
      kind: 'movie',
      title: 'The Terminator',
      year: 1984,
      imdbId: 'tt0088247',
    });
    expect(body.candidates[0].score).toBeGreaterThan(body.candidates[1].score);
  });

  it('follows the chain order of the metadata.videoProviders preference, or one pinned provider', async () => {
    const set = await s.app.inject({
      method: 'PUT',
      url: '/api/preferences/metadata.videoProviders',
      headers: { authorization: `Bearer ${admin}` },
      payload: { value: ['omdb', 'tmdb'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const r = await lookup({ kind: 'episode', title: 'Nothing Like This' });
    expect(r.json().tried).toEqual([
      { provider: 'omdb', outcome: 'miss' },
      { provider: 'tmdb', outcome: 'miss' },
    ]);
    const pinned = await lookup({ kind: 'movie', title: 'Terminator', provider: 'tmdb' });
    expect(pinned.json()).toEqual({ candidates: [], tried: [{ provider: 'tmdb', outcome: 'miss' }] });
    const bad = await lookup({ kind: 'episode' });
    expect(bad.statusCode).toBe(400);
  });

  it('reports a refused key and a server error with their codes', async () => {
    await s.app.inject({
      method: 'PUT',
      url: '/api/config/apis/omdb',
      headers: { authorization: `Bearer ${admin}` },
      payload: { apiKey: 'wrong-key' },
    });
    const refused = await lookup({ kind: 'movie', title: 'Alien', provider: 'omdb' });
    expect(refused.json().error.code).toBe('PROVIDER_ERROR');
    mode.tmdb = '500';
    const failed = await lookup({ kind: 'movie', title: 'Alien', provider: 'tmdb' });
    expect(failed.json().error).toMatchObject({
      code: 'PROVIDER_ERROR',
      details: { provider: 'tmdb', status: 500 },
    });
    const test = await s.app.inject({
      method: 'POST',
      url: '/api/config/apis/tmdb/test',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(test.json()).toMatchObject({ provider: 'tmdb', ok: false, error: { code: 'PROVIDER_ERROR' } });
    mode.tmdb = 'normal';
  });

  it('shows the candidates with scores in the wizard metadata step', async () => {
    const step = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/step/validate',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        step: 'metadata',
        data: {
          meta: { show: 'Code Geass', season: '7', episode: '2', format: 'HDTV' },
          lookup: true,
          provider: 'tmdb',
        },
        state: { type: { releaseType: 'tv' } },
      },
    });
    expect(step.statusCode, step.body).toBe(200);
    const info = step.json().info;
    expect(info.tried).toEqual([{ provider: 'tmdb', outcome: 'hit' }]);
    expect(info.candidates[0]).toMatchObject({
      episodeTitle: 'Min the Housekeeper',
      airDate: '1975-11-12',
      score: expect.any(Number),
    });
    const failing = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/step/validate',
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        step: 'metadata',
        data: {
          meta: { show: 'Code Geass', season: '7', episode: '2', format: 'HDTV' },
          lookup: true,
          provider: 'omdb',
        },
        state: { type: { releaseType: 'tv' } },
      },
    });
    expect(failing.json()).toMatchObject({
      ok: true,
      info: { candidates: [], lookupError: { code: 'PROVIDER_ERROR' } },
    });
  });

  it.runIf(shouldRunWith('mkvmerge'))(
    'relpack meta <episode.mkv> --lookup reads show, season and episode from the file name',
    async () => {
      // After the previous test: TMDb answers normally again, OMDb has a wrong key.
      const dir = await tempDir('meta-video');
      const mkv = join(dir, 'Code.Geass.S07E02.720p.HDTV.x264-GRP.mkv');
      makeMkv(mkv, { width: 1280, height: 720, seconds: 2, frameBytes: 500 });
      const config = s.services.config;
      const child = spawn(process.execPath, [bin, 'meta', mkv, '--lookup', '--provider', 'tmdb', '--json'], {
        env: {
          ...process.env,
          DATABASE_URL: s.database.url,
          RELPACK_DATA_DIR: config.dataDir,
          RELPACK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
          JWT_SECRET: 'test-jwt-secret-that-is-long-enough-1234567890',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      const [code] = await once(child, 'exit');
      expect(code, err).toBe(0);
      const doc = JSON.parse(out);
      expect(doc.type).toBe('mkv');
      expect(doc.lookup.candidates[0]).toMatchObject({
        title: 'Code Geass: Lelouch of the Rebellion',
        season: 7,
        episode: 2,
        episodeTitle: 'Min the Housekeeper',
      });
    },
  );
});
