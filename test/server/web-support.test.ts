// What the web UI needs from the server, on every dialect: download links for artifacts (a
// browser link cannot carry a header), the audit log, the system status, the rule profiles, and
// the single-page app served at `/` with client-side routes falling back to index.html.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { ebookConfig, until } from '../helpers/job-fixtures.js';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('web support routes on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  let webRoot: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    const roots = await tempDir('web-roots');
    await makeEpub(join(roots, 'book.epub'), {
      title: 'Link Book',
      author: 'Ann Author',
      date: '2020-01-01',
    });
    webRoot = await tempDir('web-root');
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
    s = await startTestServer(dialect, { RELPACK_SOURCE_ROOTS: roots }, { realClock: false, webRoot });
    ({ admin, operator } = await s.signInAdminAndOperator());
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(operator),
      payload: ebookConfig(join(roots, 'book.epub')),
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('gives a short-lived download link for one artifact, refused for others and once expired', async () => {
    const list = (await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(operator) })).json();
    const id = list.items[0].id;
    const job = await until(
      () =>
        s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(operator) }).then((r) => r.json()),
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    const artifacts = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${id}/artifacts`, headers: h(operator) })
    ).json().items;
    const [zip, other] = artifacts;
    const link = await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${id}/artifacts/${zip.id}/link`,
      headers: h(operator),
    });
    expect(link.statusCode, link.body).toBe(200);
    const { url, expiresAt } = link.json();
    expect(url).toMatch(new RegExp(`^/api/jobs/${id}/artifacts/${zip.id}/download\\?token=`));
    expect(Date.parse(expiresAt) - Date.parse('2026-11-26T12:00:00Z')).toBe(120_000);

    const file = await s.app.inject({ method: 'GET', url });
    expect(file.statusCode).toBe(200);
    const onDisk = await readFile(join(s.services.config.releasesDir, id, zip.path));
    expect(file.rawPayload.equals(onDisk)).toBe(true);
    expect(file.headers['content-disposition']).toContain(zip.path.split('/').pop());

    // The token names one artifact: it does not open another.
    const token = new URL(url, 'http://x').searchParams.get('token');
    const wrong = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}/artifacts/${other.id}/download?token=${token}`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOKEN_INVALID');

    // Another operator's job: no link.
    await s.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: h(admin),
      payload: { username: 'other', password: 'ivory-lagoon-spire-70', role: 'operator' },
    });
    const otherToken = (await s.login('other', 'ivory-lagoon-spire-70')).accessToken;
    const foreign = await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${id}/artifacts/${zip.id}/link`,
      headers: h(otherToken),
    });
    expect(foreign.statusCode).toBe(404);

    s.advance(121_000);
    const expired = await s.app.inject({ method: 'GET', url });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
  });

  it('lists the audit log for admins, newest first, filtered by action, with user names', async () => {
    await s.login('admin', 'wrong-password').catch(() => undefined);
    const page = await s.app.inject({ method: 'GET', url: '/api/audit?limit=5', headers: h(admin) });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.items.length).toBeLessThanOrEqual(5);
    const ids = body.items.map((e: { id: number }) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const logins = (
      await s.app.inject({ method: 'GET', url: '/api/audit?action=auth.login&limit=200', headers: h(admin) })
    ).json();
    expect(logins.items.length).toBeGreaterThan(0);
    expect(logins.items.every((e: { action: string }) => e.action.startsWith('auth.login'))).toBe(true);
    expect(logins.items.some((e: { username: string | null }) => e.username === 'admin')).toBe(true);
    const users = (
      await s.app.inject({ method: 'GET', url: '/api/audit?action=user.&limit=200', headers: h(admin) })
    ).json();
    expect(users.items.some((e: { action: string }) => e.action === 'user.create')).toBe(true);
    const paged = (
      await s.app.inject({ method: 'GET', url: '/api/audit?limit=1&offset=1', headers: h(admin) })
    ).json();
    expect(paged.items[0].id).toBe(ids[1]);
    expect((await s.app.inject({ method: 'GET', url: '/api/audit', headers: h(operator) })).statusCode).toBe(
      403,
    );
  });

  it('reports version, database, queue and disk space; the path only to admins', async () => {
    const asAdmin = (
      await s.app.inject({ method: 'GET', url: '/api/system/status', headers: h(admin) })
    ).json();
    expect(asAdmin).toMatchObject({ version: '9.9.9', database: dialect, queue: 'in-process' });
    expect(asAdmin.disk.path).toBe(s.services.config.dataDir);
    expect(asAdmin.disk.totalBytes).toBeGreaterThan(asAdmin.disk.freeBytes);
    expect(asAdmin.disk.freeBytes).toBeGreaterThan(0);
    const asOperator = (
      await s.app.inject({ method: 'GET', url: '/api/system/status', headers: h(operator) })
    ).json();
    expect(asOperator.disk.path).toBe('');
  });

  it('lists the rule profiles with what the wizard offers', async () => {
    const { items } = (
      await s.app.inject({ method: 'GET', url: '/api/profiles', headers: h(operator) })
    ).json();
    const ebook = items.find((p: { id: string }) => p.id === 'ebook-2022');
    expect(ebook).toMatchObject({
      releaseType: 'ebook',
      rarFormats: ['rar4', 'rar5'],
      sample: false,
      nfoMaxWidth: 80,
    });
    expect(ebook.volumeSizes.default.fixed).toContain(5_000_000);
    const tv = items.find((p: { id: string }) => p.id === 'tv-720p-2016');
    expect(tv).toMatchObject({ releaseType: 'tv', sample: true });
    expect(tv.checks.length).toBeGreaterThan(10);
  });

  it('serves the web app at / and its routes, keeping JSON 404s for the API', async () => {
    const root = await s.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await s.app.inject({
      method: 'GET',
      url: '/jobs/123?x=1',
      headers: { accept: 'text/html' },
    });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<div id="root">');
    const asset = await s.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await s.app.inject({ method: 'GET', url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const missingAsset = await s.app.inject({ method: 'GET', url: '/assets/gone.js' });
    expect(missingAsset.statusCode).toBe(404);
    expect(ADMIN_PASSWORD).toBeTruthy();
  });
});
