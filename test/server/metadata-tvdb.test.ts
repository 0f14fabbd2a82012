// TheTVDB v4 against a local server replaying real answers (see test/fixtures/providers/ORIGIN.md):
// login for a bearer token reused across lookups, a series search scored and mapped, an episode's
// title and air date from the default order, a token the server stops accepting (one new login),
// a refused key, a miss, a 429 with Retry-After, a 5xx, a timeout, malformed JSON, and the chain.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const fixture = (name: string) => readFile(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');

type Mode = 'normal' | 'reject-token-once' | '429-once' | '500' | 'slow' | 'garbage';

describe('TVDB lookups', () => {
  let s: TestServer;
  let provider: Server;
  let admin: string;
  let base: string;
  const log: { method: string; path: string; auth: string | undefined }[] = [];
  const state: { mode: Mode; token: string; logins: number } = {
    mode: 'normal',
    token: 'tvdb-test-token-1',
    logins: 0,
  };

  beforeAll(async () => {
    const [login, svu, turkvision, miss, episodes, notFound] = (await Promise.all(
      [
        'tvdb-login.json',
        'tvdb-search-law-and-order-svu.json',
        'tvdb-search-turkvision.json',
        'tvdb-search-miss.json',
        'tvdb-episodes-big-brother.json',
        'tvdb-not-found.json',
      ].map(fixture),
    )) as string[];
    provider = createServer(async (req, res) => {
      const url = new URL(req.url!, 'http://x');
      let body = '';
      for await (const chunk of req) body += chunk;
      log.push({
        method: req.method!,
        path: `${url.pathname}?${url.searchParams}`,
        auth: req.headers.authorization,
      });
      const send = (status: number, text: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(text);
      };
      const unauthorized = () => send(401, '{"status":"failure","message":"Unauthorized","data":null}');
      if (url.pathname === '/v4/login' && req.method === 'POST') {
        if (JSON.parse(body || '{}').apikey !== 'tvdb-key') return unauthorized();
        state.logins++;
        return send(200, login!.replace('tvdb-test-token-1', state.token));
      }
      if (req.headers.authorization !== `Bearer ${state.token}`) return unauthorized();
      if (state.mode === 'reject-token-once') {
        // The server rotated its tokens: the old one is refused, a new login gets the new one.
        state.mode = 'normal';
        state.token = 'tvdb-test-token-2';
        return unauthorized();
      }
      if (state.mode === '429-once') {
        state.mode = 'normal';
        return send(429, '{"status":"failure","message":"Too Many Requests"}', { 'retry-after': '1' });
      }
      if (state.mode === '500') return send(500, '{"status":"failure"}');
      if (state.mode === 'slow') {
        await new Promise((r) => setTimeout(r, 1500));
        return send(200, miss!);
      }
      if (state.mode === 'garbage') return send(200, '{"status":"success","data":[{"name":');
      if (url.pathname === '/v4/search') {
        const q = url.searchParams.get('query') ?? '';
        return send(200, /law/i.test(q) ? svu! : /turkvision/i.test(q) ? turkvision! : miss!);
      }
      if (url.pathname === '/v4/series/75692/episodes/default') return send(200, episodes!);
      if (/^\/v4\/series\/\d+\/episodes\/default$/.test(url.pathname)) return send(404, notFound!);
      send(404, notFound!);
    });
    provider.listen(0, '127.0.0.1');
    await once(provider, 'listening');
    base = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    s = await startTestServer('sqlite', {}, { realClock: true });
    admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    await configure('tvdb-key');
  });
  afterAll(async () => {
    await s?.close();
    provider?.close();
  });

  const configure = async (apiKey: string, extra: Record<string, unknown> = {}) => {
    const r = await s.app.inject({
      method: 'PUT',
      url: '/api/config/apis/tvdb',
      headers: { authorization: `Bearer ${admin}` },
      payload: { apiKey, enabled: true, settings: { baseUrl: base, timeoutMs: 1000, retries: 1, ...extra } },
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  const lookup = (payload: Record<string, unknown>) =>
    s.app.inject({
      method: 'POST',
      url: '/api/metadata/lookup/video',
      headers: { authorization: `Bearer ${admin}` },
      payload: { provider: 'tvdb', ...payload },
    });

  it('logs in, finds the series and reads the episode from the aired order', async () => {
    const res = await lookup({
      kind: 'episode',
      title: 'Law & Order Special Victims Unit',
      season: 25,
      episode: 1,
      year: 1999,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.tried).toEqual([{ provider: 'tvdb', outcome: 'hit' }]);
    expect(body.candidates[0]).toMatchObject({
      provider: 'tvdb',
      id: '75692',
      kind: 'episode',
      title: 'Law & Order: Special Victims Unit',
      year: 1999,
      season: 25,
      episode: 1,
      episodeTitle: 'Season Premiere',
      airDate: '2023-08-02',
    });
    expect(body.candidates[0].score).toBeGreaterThan(0.8);
    expect(log.filter((r) => r.path.startsWith('/v4/login'))).toHaveLength(1);
    const search = log.find((r) => r.path.startsWith('/v4/search'))!;
    expect(search.path).toContain('type=series');
    // The year is scored, not sent (TVDB answers nothing for a wrong year).
    expect(search.path).not.toContain('year=');
    expect(search.auth).toBe('Bearer tvdb-test-token-1');
    expect(log.find((r) => r.path.startsWith('/v4/series/'))!.path).toBe(
      '/v4/series/75692/episodes/default?page=0&season=25&episodeNumber=1',
    );
  });

  it('reuses the token, and logs in again once when the server stops accepting it', async () => {
    const logins = state.logins;
    const series = await lookup({ kind: 'episode', title: 'Turkvision Song Contest' });
    expect(series.json().candidates[0]).toMatchObject({
      id: '392744',
      title: 'Turkvision Song Contest',
      year: null,
    });
    expect(state.logins).toBe(logins);
    state.mode = 'reject-token-once';
    const again = await lookup({ kind: 'episode', title: 'Law and Order' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().candidates[0].id).toBe('75692');
    expect(state.logins).toBe(logins + 1);
    expect(log.at(-1)!.auth).toBe('Bearer tvdb-test-token-2');
  });

  it('keeps the series when its episode is not found, and answers a miss with no candidates', async () => {
    // 392744 has no such episode: the 404 failure body means "no episode", not an error.
    const res = await lookup({ kind: 'episode', title: 'Turkvision Song Contest', season: 1, episode: 3 });
    expect(res.json().candidates[0]).toMatchObject({ id: '392744', kind: 'series', episodeTitle: null });
    const missing = await lookup({ kind: 'episode', title: 'No Such Show Anywhere' });
    expect(missing.json()).toEqual({ candidates: [], tried: [{ provider: 'tvdb', outcome: 'miss' }] });
  });

  it('waits out a 429 with Retry-After, and reports 5xx, timeouts and malformed JSON by code', async () => {
    state.mode = '429-once';
    const started = Date.now();
    const retried = await lookup({ kind: 'episode', title: 'Law and Order SVU' });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(retried.json().candidates[0].id).toBe('75692');

    state.mode = '500';
    const failed = await lookup({ kind: 'episode', title: 'Server Error Show' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error).toMatchObject({
      code: 'PROVIDER_ERROR',
      details: { provider: 'tvdb', status: 500 },
    });

    state.mode = 'slow';
    const slow = await lookup({ kind: 'episode', title: 'Slow Show' });
    expect(slow.json().error.code).toBe('PROVIDER_TIMEOUT');

    state.mode = 'garbage';
    const garbage = await lookup({ kind: 'episode', title: 'Garbage Show' });
    expect(garbage.json().error.code).toBe('PROVIDER_BAD_RESPONSE');
    state.mode = 'normal';
  });

  it('says when the key is refused, and the test endpoint reports it', async () => {
    await configure('wrong-key');
    const refused = await lookup({ kind: 'episode', title: 'Refused Key Show' });
    expect(refused.json().error).toMatchObject({
      code: 'PROVIDER_ERROR',
      message: 'tvdb refused the API key (HTTP 401)',
    });
    const test = await s.app.inject({
      method: 'POST',
      url: '/api/config/apis/tvdb/test',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(test.json()).toMatchObject({ provider: 'tvdb', ok: false });
    await configure('tvdb-key');
    const ok = await s.app.inject({
      method: 'POST',
      url: '/api/config/apis/tvdb/test',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(ok.json(), ok.body).toMatchObject({ provider: 'tvdb', ok: true });
  });

  it('takes its place in the video chain set as a preference', async () => {
    const set = await s.app.inject({
      method: 'PUT',
      url: '/api/preferences/metadata.videoProviders',
      headers: { authorization: `Bearer ${admin}` },
      payload: { value: ['tvdb', 'omdb'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/metadata/lookup/video',
      headers: { authorization: `Bearer ${admin}` },
      payload: { kind: 'episode', title: 'Law & Order: Special Victims Unit' },
    });
    expect(res.json().tried).toEqual([{ provider: 'tvdb', outcome: 'hit' }]);
  });
});
