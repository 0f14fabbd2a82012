// Preferences (user → global → default, export/import) and NFO templates (CRUD, roles, sandboxed
// render, variables) through the API, on every database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const dialects = await availableDialects();

describe.each(dialects)('preferences and templates on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const call = (token: string, method: string, url: string, payload?: unknown) =>
    s.app.inject({
      method: method as 'GET',
      url,
      headers: h(token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    s = await startTestServer(dialect, {}, { realClock: true });
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('resolves user over global over default, and says where each value came from', async () => {
    const get = async () => (await call(operator, 'GET', '/api/preferences/pack.group')).json();
    expect(await get()).toMatchObject({ value: '', source: 'default' });
    expect(
      (await call(admin, 'PUT', '/api/preferences/global/pack.group', { value: 'GLOBAL' })).statusCode,
    ).toBe(200);
    expect(await get()).toMatchObject({ value: 'GLOBAL', source: 'global' });
    expect(
      (await call(operator, 'PUT', '/api/preferences/pack.group', { value: 'MINE' })).json(),
    ).toMatchObject({ value: 'MINE', source: 'user' });
    const all = (await call(operator, 'GET', '/api/preferences')).json().items;
    expect(all.find((p: { key: string }) => p.key === 'pack.group')).toMatchObject({
      value: 'MINE',
      source: 'user',
      default: '',
    });
    expect(all.find((p: { key: string }) => p.key === 'ui.theme')).toMatchObject({
      value: 'system',
      source: 'default',
    });
    expect((await call(operator, 'DELETE', '/api/preferences/pack.group')).json()).toMatchObject({
      value: 'GLOBAL',
      source: 'global',
    });
    await call(admin, 'DELETE', '/api/preferences/global/pack.group');
    expect(await get()).toMatchObject({ value: '', source: 'default' });
  });

  it('validates values and keys, and keeps global values to admins', async () => {
    const bad = await call(operator, 'PUT', '/api/preferences/ui.jobsPageSize', { value: 5000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_PREFERENCE');
    const unknown = await call(operator, 'PUT', '/api/preferences/no.such.key', { value: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_PREFERENCE');
    expect(
      (await call(operator, 'PUT', '/api/preferences/global/ui.theme', { value: 'dark' })).statusCode,
    ).toBe(403);
    expect((await call(operator, 'GET', '/api/preferences/global')).statusCode).toBe(403);
  });

  it('exports and imports as an identity round trip, with a dry run that changes nothing', async () => {
    await call(operator, 'POST', '/api/preferences', {
      'ui.theme': 'dark',
      'pack.group': 'GRP',
      'delivery.destinations': ['a', 'b'],
    });
    const exported = (await call(operator, 'POST', '/api/preferences/export')).json();
    expect(exported).toMatchObject({ format: 'relpack-preferences', version: 1, scope: 'user' });
    await call(operator, 'POST', '/api/preferences', { 'ui.theme': 'light', 'pack.group': 'OTHER' });
    const dry = (await call(operator, 'POST', '/api/preferences/import?dryRun=true', exported)).json();
    expect(dry.dryRun).toBe(true);
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        { key: 'ui.theme', from: 'light', to: 'dark' },
        { key: 'pack.group', from: 'OTHER', to: 'GRP' },
      ]),
    );
    expect((await call(operator, 'GET', '/api/preferences/ui.theme')).json().value).toBe('light');
    await call(operator, 'POST', '/api/preferences/import', exported);
    expect((await call(operator, 'POST', '/api/preferences/export')).json()).toEqual(exported);
    const broken = await call(operator, 'POST', '/api/preferences/import', {
      ...exported,
      preferences: { 'ui.theme': 'purple' },
    });
    expect(broken.statusCode).toBe(400);
    expect((await call(operator, 'GET', '/api/preferences/ui.theme')).json().value).toBe('dark');
  });

  it('lists built-in templates, which can be copied but not changed', async () => {
    const list = (await call(operator, 'GET', '/api/templates')).json().items;
    const builtIn = list.find((t: { id: string }) => t.id === 'builtin-ebook-nfo');
    expect(builtIn).toMatchObject({ builtIn: true, kind: 'nfo', releaseType: 'ebook' });
    expect(
      (await call(admin, 'PUT', '/api/templates/builtin-ebook-nfo', { body: 'x' })).json().error.code,
    ).toBe('TEMPLATE_READ_ONLY');
    expect((await call(admin, 'DELETE', '/api/templates/builtin-ebook-nfo')).statusCode).toBe(409);
    const copy = await call(operator, 'POST', '/api/templates', {
      name: 'My copy',
      releaseType: 'ebook',
      kind: 'nfo',
      body: builtIn.body,
    });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ builtIn: false, ownerId: expect.any(String) });
  });

  it('keeps operators to their own templates and admins to global ones', async () => {
    const global = (
      await call(admin, 'POST', '/api/templates', {
        name: 'House style',
        releaseType: 'tv',
        kind: 'nfo',
        body: '{{ release.name }}',
        isDefault: true,
      })
    ).json();
    expect(global.ownerId).toBeNull();
    expect((await call(operator, 'GET', `/api/templates/${global.id}`)).statusCode).toBe(200);
    expect((await call(operator, 'PUT', `/api/templates/${global.id}`, { body: 'hacked' })).statusCode).toBe(
      403,
    );
    expect((await call(operator, 'DELETE', `/api/templates/${global.id}`)).statusCode).toBe(403);
    const mine = (
      await call(operator, 'POST', '/api/templates', {
        name: 'Mine',
        releaseType: 'tv',
        kind: 'nfo',
        body: 'x {{ release.group }}',
      })
    ).json();
    const dup = await call(operator, 'POST', '/api/templates', {
      name: 'Mine',
      releaseType: 'tv',
      kind: 'nfo',
      body: 'y',
    });
    expect(dup.statusCode).toBe(409);
    const updated = await call(operator, 'PUT', `/api/templates/${mine.id}`, {
      body: 'y {{ release.group }}',
    });
    expect(updated.json().body).toBe('y {{ release.group }}');
    const rendered = (
      await call(operator, 'POST', `/api/templates/${mine.id}/render`, {
        data: { release: { group: 'ABC' } },
      })
    ).json();
    expect(rendered.text.trim()).toBe('y ABC');
    expect((await call(operator, 'DELETE', `/api/templates/${mine.id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/api/templates/${global.id}`)).statusCode).toBe(204);
  });

  it('renders unsaved bodies with warnings, and reports syntax errors with their line', async () => {
    const preview = (
      await call(operator, 'POST', '/api/templates/render', {
        kind: 'nfo',
        releaseType: 'ebook',
        body: `Title: {{ book.title }}\n${'='.repeat(90)}\nPrice: 5 €`,
      })
    ).json();
    expect(preview.text).toContain('Title: The Hobbit');
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        { type: 'width', line: 2, width: 90, max: 80 },
        { type: 'charset', line: 3, column: 10, char: '€', replacement: 'EUR' },
      ]),
    );
    expect(Buffer.from(preview.cp437, 'base64').toString('latin1')).toContain('Price: 5 EUR');
    const broken = await call(operator, 'POST', '/api/templates/render', {
      kind: 'nfo',
      releaseType: 'ebook',
      body: 'line one\n{% if book.title %}never closed',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error).toMatchObject({ code: 'TEMPLATE_INVALID', details: { line: 2 } });
    const sandbox = await call(operator, 'POST', '/api/templates/render', {
      kind: 'nfo',
      releaseType: 'ebook',
      body: '{% include "/etc/passwd" %}',
    });
    expect(sandbox.statusCode).toBe(422);
    const slow = await call(operator, 'POST', '/api/templates/render', {
      kind: 'nfo',
      releaseType: 'ebook',
      body: '{% for i in (1..100000000) %}x{% endfor %}',
    });
    expect(slow.statusCode).toBe(422);
    const diz = (
      await call(operator, 'POST', '/api/templates/render', {
        kind: 'diz',
        releaseType: 'ebook',
        body: 'no counter',
      })
    ).json();
    expect(diz.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'counter' })]));
  });

  it('lists every template variable with type, description and example', async () => {
    const vars = (await call(operator, 'GET', '/api/templates/variables')).json().items;
    const byName = Object.fromEntries(vars.map((v: { name: string }) => [v.name, v]));
    expect(byName['release.name']).toMatchObject({
      type: 'string',
      description: expect.any(String),
      example: expect.any(String),
    });
    expect(byName['release.volumes.count']).toMatchObject({ type: 'number' });
    expect(byName['disk.counter']).toMatchObject({ dizOnly: true });
    for (const name of ['book.isbn', 'video.resolution', 'show.episode', 'tool.version', 'release.date'])
      expect(byName[name], name).toBeDefined();
  });
});
