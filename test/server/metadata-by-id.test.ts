// Pinning one record by its provider id, to override a wrong match: every provider's `get`
// against a local server replaying real answers (see test/fixtures/providers/ORIGIN.md), through
// the API and the wizard's metadata step, with ids refused by format and unknown ids as misses.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

const fixture = (name: string) => readFile(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');

describe('metadata pinned by provider id', () => {
  let s: TestServer;
  let provider: Server;
  let admin: string;
  const paths: string[] = [];

  beforeAll(async () => {
    const f = Object.fromEntries(
      await Promise.all(
        [
          'openlibrary-isbn-fantastic-mr-fox.json',
          'openlibrary-author-roald-dahl.json',
          'googlebooks-volume-google-story.json',
          'omdb-title-guardians.json',
          'omdb-not-found.json',
          'tmdb-tv-1399.json',
          'tmdb-season-details.json',
          'tvdb-login.json',
          'tvdb-series-75692.json',
          'tvdb-episodes-big-brother.json',
          'tvdb-not-found.json',
        ].map(async (name) => [name.replace(/\.json$/, ''), await fixture(name)] as const),
      ),
    ) as Record<string, string>;
    provider = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      paths.push(url.pathname);
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      const p = url.pathname;
      if (p === '/isbn/9780140328721.json' || p === '/books/OL7353617M.json')
        return send(200, f['openlibrary-isbn-fantastic-mr-fox']!);
      if (p === '/authors/OL34184A.json') return send(200, f['openlibrary-author-roald-dahl']!);
      if (p === '/books/v1/volumes/zyTCAlFPjgYC') return send(200, f['googlebooks-volume-google-story']!);
      if (p === '/') {
        return send(
          200,
          url.searchParams.get('i') === 'tt3896198' ? f['omdb-title-guardians']! : f['omdb-not-found']!,
        );
      }
      if (p === '/3/tv/1399') return send(200, f['tmdb-tv-1399']!);
      if (p === '/3/tv/1399/season/7') return send(200, f['tmdb-season-details']!);
      if (p === '/v4/login') return send(200, f['tvdb-login']!);
      if (p === '/v4/series/75692') return send(200, f['tvdb-series-75692']!);
      if (p === '/v4/series/75692/episodes/default') return send(200, f['tvdb-episodes-big-brother']!);
      if (p.startsWith('/v4/')) return send(404, f['tvdb-not-found']!);
      send(404, '{"error":"not found"}');
    });
    provider.listen(0, '127.0.0.1');
    await once(provider, 'listening');
    const base = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    s = await startTestServer('sqlite', {}, { realClock: true });
    admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    for (const [id, key] of [
      ['openlibrary', null],
      ['googlebooks', null],
      ['omdb', 'omdb-key'],
      ['tmdb', 'tmdb-token'],
      ['tvdb', 'tvdb-key'],
    ] as const) {
      const r = await s.app.inject({
        method: 'PUT',
        url: `/api/config/apis/${id}`,
        headers: { authorization: `Bearer ${admin}` },
        payload: {
          ...(key ? { apiKey: key } : {}),
          enabled: true,
          settings: { baseUrl: base, timeoutMs: 2000, retries: 0 },
        },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(async () => {
    await s?.close();
    provider?.close();
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    s.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${admin}` }, payload });

  it('fetches a book by ISBN or edition at Open Library, with the author named, and a volume at Google Books', async () => {
    const byIsbn = await post('/api/metadata/lookup', { provider: 'openlibrary', id: '978-0-14-032872-1' });
    expect(byIsbn.statusCode, byIsbn.body).toBe(200);
    expect(byIsbn.json()).toEqual({
      candidates: [
        {
          provider: 'openlibrary',
          id: 'OL7353617M',
          title: 'Fantastic Mr. Fox',
          authors: ['Roald Dahl'],
          year: 1988,
          publisher: 'Puffin',
          isbn: '9780140328721',
          pages: 96,
          language: 'eng',
          score: 1,
        },
      ],
      tried: [{ provider: 'openlibrary', outcome: 'hit' }],
    });
    expect(paths).toEqual(expect.arrayContaining(['/isbn/9780140328721.json', '/authors/OL34184A.json']));
    const byEdition = await post('/api/metadata/lookup', {
      provider: 'openlibrary',
      id: '/books/OL7353617M',
    });
    expect(byEdition.json().candidates[0].title).toBe('Fantastic Mr. Fox');
    // Pinned again: answered from the cache.
    expect(
      (await post('/api/metadata/lookup', { provider: 'openlibrary', id: '978-0-14-032872-1' })).json().tried,
    ).toEqual([{ provider: 'openlibrary', outcome: 'cached' }]);

    const work = await post('/api/metadata/lookup', { provider: 'openlibrary', id: 'OL45804W' });
    expect(work.statusCode).toBe(400);
    expect(work.json().error.message).toContain('pin an edition (OL…M) or an ISBN');

    const volume = await post('/api/metadata/lookup', { provider: 'googlebooks', id: 'zyTCAlFPjgYC' });
    expect(volume.json().candidates[0]).toEqual({
      provider: 'googlebooks',
      id: 'zyTCAlFPjgYC',
      title: 'The Google story',
      authors: ['David A. Vise', 'Mark Malseed'],
      year: 2005,
      publisher: 'Random House Digital, Inc.',
      isbn: '9780553804577',
      pages: 207,
      language: null,
      score: 1,
    });
    const missing = await post('/api/metadata/lookup', { provider: 'googlebooks', id: 'AAAAAAAAAAAA' });
    expect(missing.json()).toEqual({ candidates: [], tried: [{ provider: 'googlebooks', outcome: 'miss' }] });
    const noProvider = await post('/api/metadata/lookup', { id: 'zyTCAlFPjgYC' });
    expect(noProvider.statusCode).toBe(400);
  });

  it('fetches a film at OMDb, a series and its episode at TMDb and TVDB', async () => {
    const film = await post('/api/metadata/lookup/video', {
      kind: 'movie',
      provider: 'omdb',
      id: 'tt3896198',
    });
    expect(film.json().candidates[0]).toMatchObject({
      provider: 'omdb',
      id: 'tt3896198',
      kind: 'movie',
      title: 'Guardians of the Galaxy Vol. 2',
      year: 2017,
      imdbId: 'tt3896198',
      score: 1,
    });
    const badImdb = await post('/api/metadata/lookup/video', {
      kind: 'movie',
      provider: 'omdb',
      id: '3896198',
    });
    expect(badImdb.json().error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const unknown = await post('/api/metadata/lookup/video', {
      kind: 'movie',
      provider: 'omdb',
      id: 'tt0000001',
    });
    expect(unknown.json().candidates).toEqual([]);

    const show = await post('/api/metadata/lookup/video', { provider: 'tmdb', id: '1399' });
    expect(show.json().candidates[0]).toMatchObject({
      id: '1399',
      kind: 'series',
      title: 'Game of Thrones',
      year: 2011,
    });
    const episode = await post('/api/metadata/lookup/video', {
      provider: 'tmdb',
      id: '1399',
      season: 7,
      episode: 1,
    });
    expect(episode.json().candidates[0]).toMatchObject({ kind: 'episode', season: 7, episode: 1 });
    expect(episode.json().candidates[0].episodeTitle).toEqual(expect.any(String));

    const tvdb = await post('/api/metadata/lookup/video', {
      provider: 'tvdb',
      id: '75692',
      season: 25,
      episode: 1,
    });
    expect(tvdb.json().candidates[0]).toEqual({
      provider: 'tvdb',
      id: '75692',
      kind: 'episode',
      title: 'Law & Order: Special Victims Unit',
      year: 1999,
      season: 25,
      episode: 1,
      episodeTitle: 'Season Premiere',
      airDate: '2023-08-02',
      imdbId: null,
      score: 1,
    });
    const gone = await post('/api/metadata/lookup/video', { provider: 'tvdb', id: '999999' });
    expect(gone.json()).toEqual({ candidates: [], tried: [{ provider: 'tvdb', outcome: 'miss' }] });
  });

  it('lets the wizard pin a record with provider:id instead of searching', async () => {
    const res = await post('/api/wizard/step/validate', {
      step: 'metadata',
      data: { meta: { title: 'Some Other Book' }, lookup: true, provider: 'openlibrary:9780140328721' },
      state: { type: { releaseType: 'ebook' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().info.candidates).toEqual([
      expect.objectContaining({
        provider: 'openlibrary',
        title: 'Fantastic Mr. Fox',
        authors: ['Roald Dahl'],
        score: 1,
      }),
    ]);
    const tv = await post('/api/wizard/step/validate', {
      step: 'metadata',
      data: { meta: { show: 'SVU', season: '25', episode: '1' }, lookup: true, provider: 'tvdb:75692' },
      state: { type: { releaseType: 'tv' } },
    });
    expect(tv.json().info.candidates[0]).toMatchObject({
      episodeTitle: 'Season Premiere',
      airDate: '2023-08-02',
    });
  });

  it('relpack meta --lookup --provider P --id X prints the pinned record, and --id alone is refused', async () => {
    const dir = await tempDir('meta-pin');
    const epub = join(dir, 'book.epub');
    await makeEpub(epub, { title: 'Wrong Title', author: 'Somebody Else' });
    const run = async (args: string[]) => {
      const child = spawn(process.execPath, [bin, 'meta', epub, '--lookup', ...args, '--json'], {
        env: {
          ...process.env,
          DATABASE_URL: s.database.url,
          RELPACK_DATA_DIR: s.services.config.dataDir,
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
      return { code, out, err };
    };
    const pinned = await run(['--provider', 'openlibrary', '--id', '9780140328721']);
    expect(pinned.code, pinned.err).toBe(0);
    const doc = JSON.parse(pinned.out);
    expect(doc.fields.title).toBe('Wrong Title');
    expect(doc.lookup.candidates[0]).toMatchObject({
      title: 'Fantastic Mr. Fox',
      authors: ['Roald Dahl'],
      score: 1,
    });
    const alone = await run(['--id', '9780140328721']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('add --provider');
  });
});
