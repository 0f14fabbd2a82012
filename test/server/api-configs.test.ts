// Provider keys: admins only, sealed at rest with the row id as AAD, never returned by the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('API configurations on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  const call = (token: string, method: string, url: string, payload?: object) =>
    s.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    s = await startTestServer(dialect, {}, { realClock: true });
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('stores keys encrypted, shows only a hint, and opens them for the providers', async () => {
    const key = 'tmdb-secret-read-token-9876';
    const put = await call(admin, 'PUT', '/api/config/apis/tmdb', {
      apiKey: key,
      settings: { baseUrl: 'http://127.0.0.1:9/tmdb', timeoutMs: 2000, dailyQuota: 500 },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain(key);
    expect(put.json()).toMatchObject({
      provider: 'tmdb',
      configured: true,
      enabled: true,
      hasKey: true,
      keyHint: '••••9876',
      settings: { dailyQuota: 500 },
    });
    const list = await call(admin, 'GET', '/api/config/apis');
    expect(list.body).not.toContain(key);
    expect(list.json().items.map((i: { provider: string }) => i.provider)).toEqual([
      'openlibrary',
      'googlebooks',
      'omdb',
      'tmdb',
      'tvdb',
    ]);
    // what the repository reads back is what is stored
    const row = await s.repos.apiConfigs.find('tmdb');
    const stored = { api_key_encrypted: row!.apiKeyEncrypted!, id: row!.id };
    expect(stored.api_key_encrypted).not.toContain(key);
    expect(stored.api_key_encrypted.startsWith('v1.')).toBe(true);
    expect(await s.services.apiConfigs.credentials('tmdb')).toMatchObject({ apiKey: key, enabled: true });
    // a sealed key copied to another row does not open there
    expect(() => s.services.secretBox.open(stored.api_key_encrypted, 'another-row')).toThrow();
    const removed = await call(admin, 'PUT', '/api/config/apis/tmdb', { apiKey: null });
    expect(removed.json()).toMatchObject({ hasKey: false, keyHint: null });
  });

  it('is for admins only and validates providers and settings', async () => {
    expect((await call(operator, 'GET', '/api/config/apis')).statusCode).toBe(403);
    expect((await call(operator, 'PUT', '/api/config/apis/omdb', { apiKey: 'x' })).statusCode).toBe(403);
    const unknown = await call(admin, 'PUT', '/api/config/apis/imdb', { apiKey: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_PROVIDER');
    const bad = await call(admin, 'PUT', '/api/config/apis/omdb', {
      settings: { baseUrl: 'ftp://x', timeoutMs: 5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      (await call(admin, 'POST', '/api/config/apis', { provider: 'omdb', apiKey: 'omdb-key-1234' }))
        .statusCode,
    ).toBe(201);
    expect((await call(admin, 'DELETE', '/api/config/apis/omdb')).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', '/api/config/apis/omdb')).statusCode).toBe(404);
  });
});
