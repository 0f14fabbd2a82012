// Book lookups against a local server replaying documented provider responses: hits, misses,
// the fallback chain, the cache, the daily quota, Retry-After, 5xx, timeouts and malformed JSON.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));

const fixture = async (name: string) =>
  readFile(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');

describe('metadata lookup', () => {
  let s: TestServer;
  let provider: Server;
  let base: string;
  const requests: string[] = [];
  const behaviour: { mode: 'normal' | '429-once' | '500' | 'slow' | 'garbage' } = { mode: 'normal' };
  let seen429 = false;

  beforeAll(async () => {
    const lotr = await fixture('openlibrary-search-lotr.json');
    const olMiss = await fixture('openlibrary-search-miss.json');
    const flowers = await fixture('googlebooks-volumes-flowers.json');
    const gbMiss = await fixture('googlebooks-volumes-miss.json');
    provider = createServer((req: IncomingMessage, res) => {
      const url = new URL(req.url!, 'http://x');
      requests.push(`${url.pathname}?${url.searchParams}`);
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (behaviour.mode === '429-once' && !seen429) {
        seen429 = true;
        return send(429, '{"error":"slow down"}', { 'retry-after': '1' });
      }
      if (behaviour.mode === '500') return send(500, '{"error":"boom"}');
      if (behaviour.mode === 'slow') return void setTimeout(() => send(200, lotr), 1500);
      if (behaviour.mode === 'garbage') return send(200, '<html>not json');
      if (url.pathname.endsWith('/search.json')) {
        const q = `${url.searchParams.get('title') ?? ''} ${url.searchParams.get('q') ?? ''}`.toLowerCase();
        const isbnHit = url.searchParams.get('isbn') === '9780261103252';
        return send(200, q.includes('lord of the rings') || isbnHit ? lotr : olMiss);
      }
      if (url.pathname.endsWith('/books/v1/volumes')) {
        return send(200, (url.searchParams.get('q') ?? '').includes('flowers') ? flowers : gbMiss);
      }
      send(404, '{}');
    });
    provider.listen(0, '127.0.0.1');
    await once(provider, 'listening');
    base = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    s = await startTestServer('sqlite', {}, { realClock: true });
    const admin = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    for (const [id, extra] of [
      ['openlibrary', { dailyQuota: 6 }],
      ['googlebooks', {}],
    ] as const) {
      await s.app.inject({
        method: 'PUT',
        url: `/api/config/apis/${id}`,
        headers: { authorization: `Bearer ${admin}` },
        payload: { settings: { baseUrl: base, timeoutMs: 500, retries: 1, ...extra } },
      });
    }
  });
  afterAll(async () => {
    await s?.close();
    provider?.close();
  });

  it('finds a book by title and author, ranks it, and answers a repeat from the cache', async () => {
    const first = await s.services.metadata.lookupBook({
      title: 'The Lord of the Rings',
      author: 'Tolkien',
      year: 1954,
    });
    expect(first.tried).toEqual([{ provider: 'openlibrary', outcome: 'hit' }]);
    expect(first.candidates[0]).toMatchObject({
      provider: 'openlibrary',
      id: 'OL27448W',
      title: 'The Lord of the Rings',
      authors: ['J. R. R. Tolkien'],
      year: 1954,
    });
    expect(first.candidates[0]!.score).toBe(1);
    const before = requests.length;
    const again = await s.services.metadata.lookupBook({
      title: 'The Lord of the Rings',
      author: 'Tolkien',
      year: 1954,
    });
    expect(again.tried).toEqual([{ provider: 'openlibrary', outcome: 'cached' }]);
    expect(requests.length).toBe(before);
  });

  it('falls back to the next provider when the first has nothing, and pins a provider on request', async () => {
    const result = await s.services.metadata.lookupBook({ title: 'flowers', author: 'keyes' });
    expect(result.tried.map((t) => [t.provider, t.outcome])).toEqual([
      ['openlibrary', 'miss'],
      ['googlebooks', 'hit'],
    ]);
    expect(result.candidates.map((c) => c.id)).toEqual(['_ojXNuzgHRcC', 'RJxWIQOvoZUC', 'zaRoX10_UsMC']);
    const pinned = await s.services.metadata.lookupBook(
      { title: 'nothing here' },
      { provider: 'googlebooks' },
    );
    expect(pinned).toMatchObject({ candidates: [], tried: [{ provider: 'googlebooks', outcome: 'miss' }] });
  });

  it('honours Retry-After on 429, and reports 5xx, timeouts and malformed JSON with clear codes', async () => {
    behaviour.mode = '429-once';
    const started = Date.now();
    const retried = await s.services.metadata.lookupBook(
      { title: 'The Lord of the Rings' },
      { provider: 'openlibrary' },
    );
    expect(retried.candidates).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    for (const [mode, code] of [
      ['500', 'PROVIDER_ERROR'],
      ['slow', 'PROVIDER_TIMEOUT'],
      ['garbage', 'PROVIDER_BAD_RESPONSE'],
    ] as const) {
      behaviour.mode = mode;
      await expect(
        s.services.metadata.lookupBook({ title: `uncached ${mode}` }, { provider: 'googlebooks' }),
      ).rejects.toMatchObject({ code });
    }
    behaviour.mode = 'normal';
  }, 20_000);

  it('answers through the API for any signed-in user', async () => {
    const token = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/metadata/lookup',
      headers: { authorization: `Bearer ${token}` },
      payload: { title: 'The Lord of the Rings', author: 'Tolkien' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().candidates[0]).toMatchObject({ id: 'OL27448W', provider: 'openlibrary' });
    const empty = await s.app.inject({
      method: 'POST',
      url: '/api/metadata/lookup',
      headers: { authorization: `Bearer ${token}` },
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it('tests a provider configuration: latency on success, the failure kind otherwise', async () => {
    const token = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
    const headers = { authorization: `Bearer ${token}` };
    const ok = await s.app.inject({ method: 'POST', url: '/api/config/apis/googlebooks/test', headers });
    expect(ok.json()).toMatchObject({ provider: 'googlebooks', ok: true, latencyMs: expect.any(Number) });
    behaviour.mode = '500';
    const failing = await s.app.inject({ method: 'POST', url: '/api/config/apis/openlibrary/test', headers });
    expect(failing.json()).toMatchObject({ ok: false, error: { code: 'PROVIDER_ERROR' } });
    behaviour.mode = 'normal';
    // TVDB without a key: the test says so instead of sending a request.
    const keyless = await s.app.inject({ method: 'POST', url: '/api/config/apis/tvdb/test', headers });
    expect(keyless.json()).toMatchObject({
      provider: 'tvdb',
      ok: false,
      error: { code: 'PROVIDER_DISABLED' },
    });
  });

  it('relpack meta --lookup asks the providers with what the file says', async () => {
    const dir = await tempDir('meta-lookup');
    await makeEpub(join(dir, 'lotr.epub'), {
      title: 'The Lord of the Rings',
      author: 'J.R.R. Tolkien',
      isbn: '978-0-261-10325-2',
    });
    const config = s.services.config;
    // async spawn: the fake provider lives in this process and must keep answering meanwhile
    const child = spawn(process.execPath, [bin, 'meta', join(dir, 'lotr.epub'), '--lookup', '--json'], {
      env: {
        ...process.env,
        RELPACK_DATA_DIR: config.dataDir,
        DATABASE_URL: config.databaseUrl,
        JWT_SECRET: 'test-jwt-secret-that-is-long-enough-1234567890',
        RELPACK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.fields.isbn).toBe('9780261103252');
    expect(out.lookup.candidates[0]).toMatchObject({ provider: 'openlibrary', id: 'OL27448W' });
  });

  it('stops at the daily quota with QUOTA_EXCEEDED', async () => {
    let error: { code?: string } | null = null;
    for (let i = 0; i < 10 && !error; i++) {
      await s.services.metadata
        .lookupBook({ title: `quota probe ${i}` }, { provider: 'openlibrary' })
        .catch((e) => {
          error = e;
        });
    }
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  });
});
