// The jobs list answers repeated polls from memory while nothing changed (SQLite), with an ETag
// and 304s, and never serves a stale page: a write through the server, a write by another
// process on the same file, or a different viewer all give fresh answers. Client-server
// databases have no cheap change counter, so there every request is answered fresh.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('jobs list memo on sqlite', () => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  const h = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    ...extra,
  });
  const list = (token: string, extra: Record<string, string> = {}) =>
    s.app.inject({ method: 'GET', url: '/api/jobs?limit=5', headers: h(token, extra) });

  beforeAll(async () => {
    s = await startTestServer('sqlite');
    ({ admin, operator } = await s.signInAdminAndOperator());
    const owner = (await s.repos.users.list()).find((u) => u.role === 'admin')!;
    for (let i = 0; i < 3; i++) {
      await s.repos.jobs.insert({
        type: 'ebook',
        profile: 'ebook-2022',
        ownerId: owner.id,
        title: `Seeded.Job.${i}`,
        config: {},
        now: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000),
        status: 'completed',
      });
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  it('repeats the same bytes with an ETag, and answers If-None-Match with 304', async () => {
    const first = await list(admin);
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(3);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const second = await list(admin);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(etag);
    const notModified = await list(admin, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
  });

  it('never serves a page older than the data: writes here, writes by another process, other viewers', async () => {
    const before = await list(admin);
    await s.app.inject({
      method: 'DELETE',
      url: `/api/jobs/${before.json().items[0].id}`,
      headers: h(admin),
    });
    const afterDelete = await list(admin, { 'if-none-match': before.headers.etag as string });
    expect(afterDelete.statusCode).toBe(200);
    expect(afterDelete.json().total).toBe(2);

    // Another process (a CLI pack, say) writes the same file through its own connection.
    const other = new SQLite(s.database.url.replace(/^sqlite:/, ''));
    other.prepare('update jobs set title = ? where title = ?').run('Renamed.Elsewhere', 'Seeded.Job.0');
    other.close();
    const afterOther = await list(admin);
    expect(afterOther.json().items.map((j: { title: string }) => j.title)).toContain('Renamed.Elsewhere');
    expect(afterOther.headers.etag).not.toBe(afterDelete.headers.etag);

    // The operator owns none of these jobs: the admin's cached page is not theirs.
    const asOperator = await list(operator);
    expect(asOperator.json()).toMatchObject({ items: [], total: 0 });
    // Another query string is another page.
    const oldest = await s.app.inject({
      method: 'GET',
      url: '/api/jobs?limit=5&order=oldest',
      headers: h(admin),
    });
    expect(oldest.json().items[0].title).toBe('Renamed.Elsewhere');
  });
});

const servers = (await availableDialects()).filter((d) => d !== 'sqlite');
describe.each(servers)('jobs list on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(async () => {
    await s?.close();
  });
  it('is computed fresh for every request (no ETag, no memo)', async () => {
    const { admin } = await s.signInAdminAndOperator();
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/jobs',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeUndefined();
  });
});
