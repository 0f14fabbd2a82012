// issue #19: what a job request means is decided when it is made. A template is named or given,
// never guessed from a string; what depends on the profile is refused at creation with the allowed
// values; unknown fields are refused, here and in the provider settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebookConfig, makeSources, until } from '../helpers/job-fixtures.js';
import { tempDir } from '../helpers/readers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('the pack job request contract', () => {
  let s: TestServer;
  let sources: { epub: string };
  let admin: string;
  let operator: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const create = (payload: object, token = operator) =>
    s.app.inject({ method: 'POST', url: '/api/jobs', headers: h(token), payload });
  const finished = (id: string) =>
    until(
      () => s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(admin) }).then((r) => r.json()),
      (j) => j.status === 'completed' || j.status === 'failed',
    );
  /** The NFO the release was packed with, downloaded as a user would. */
  const nfoOf = async (jobId: string) => {
    const artifacts = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${jobId}/artifacts`, headers: h(admin) })
    ).json().items as { id: string; kind: string }[];
    const nfo = artifacts.find((a) => a.kind === 'nfo')!;
    const file = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/artifacts/${nfo.id}/download`,
      headers: h(admin),
    });
    return file.rawPayload.toString('latin1');
  };

  beforeAll(async () => {
    const roots = await tempDir('contract-roots');
    sources = await makeSources(roots, { largeBytes: 0 });
    s = await startTestServer('sqlite', { RELPACK_SOURCE_ROOTS: roots }, { realClock: true });
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('issue #19: an NFO template by id or name is its text, and a bare string is refused', async () => {
    const saved = await s.app.inject({
      method: 'POST',
      url: '/api/templates',
      headers: h(operator),
      payload: {
        name: 'contract-nfo',
        kind: 'nfo',
        releaseType: 'ebook',
        body: 'CONTRACT-MARKER {{ release.name }}\n',
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id as string;

    // The bug: the id was taken as the template's text and the release "completed" with it.
    const bare = await create({ ...ebookConfig(sources.epub), nfoTemplate: id });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('VALIDATION_FAILED');
    expect(bare.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('nfoTemplate');

    for (const [n, choice] of [{ templateId: id }, { templateId: 'contract-nfo' }].entries()) {
      const job = await create({ ...ebookConfig(sources.epub, n + 1), nfoTemplate: choice });
      expect(job.statusCode, job.body).toBe(201);
      const done = await finished(job.json().id);
      expect(done.status, JSON.stringify(done.error)).toBe('completed');
      // Stored as the text it had, so a rerun packs the same NFO whatever happens to the template.
      const detail = (
        await s.app.inject({ method: 'GET', url: `/api/jobs/${done.id}`, headers: h(admin) })
      ).json();
      expect(detail.config.nfoTemplate).toBe('CONTRACT-MARKER {{ release.name }}\n');
      expect(await nfoOf(done.id)).toContain(`CONTRACT-MARKER ${done.result.releaseName}`);
    }

    const inline = await create({
      ...ebookConfig(sources.epub, 3),
      nfoTemplate: { body: 'INLINE {{ release.name }}' },
    });
    expect(inline.statusCode, inline.body).toBe(201);
    expect((await finished(inline.json().id)).status).toBe('completed');
    expect(await nfoOf(inline.json().id)).toContain('INLINE ');

    const missing = await create({
      ...ebookConfig(sources.epub),
      nfoTemplate: { templateId: 'no-such-template' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('TEMPLATE_NOT_FOUND');
    const both = await create({ ...ebookConfig(sources.epub), nfoTemplate: { templateId: id, body: 'x' } });
    expect(both.statusCode).toBe(400);
    const wrongKind = await create({ ...ebookConfig(sources.epub), dizTemplate: { templateId: id } });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toMatch(/NFO template.*DIZ/);
  });

  it('issue #19: a volume size, format or sample the profile does not allow is 422 at creation', async () => {
    const before = (await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(admin) })).json().total;
    const size = await create({ ...ebookConfig(sources.epub), volumeSize: 1234 });
    expect(size.statusCode).toBe(422);
    expect(size.json().error).toMatchObject({
      code: 'VOLUME_SIZE_NOT_ALLOWED',
      details: { requested: 1234, allowed: { default: expect.stringContaining('5,000,000') } },
    });
    const tvFormat = await create({
      type: 'tv',
      source: sources.epub,
      group: 'GRP',
      rarFormat: 'rar5',
    });
    expect(tvFormat.statusCode).toBe(422);
    expect(tvFormat.json().error).toMatchObject({
      code: 'RAR_FORMAT_NOT_ALLOWED',
      details: { allowed: ['rar4'] },
    });
    const wrongProfile = await create({ ...ebookConfig(sources.epub), profile: 'tv-720p-2016' });
    expect(wrongProfile.statusCode).toBe(422);
    expect(wrongProfile.json().error).toMatchObject({
      code: 'NAME_WRONG_PROFILE_KIND',
      details: { allowed: ['ebook-2022'] },
    });
    const sample = await create({ ...ebookConfig(sources.epub), sample: true });
    expect(sample.statusCode).toBe(400);
    expect(sample.json().error.code).toBe('INVALID_ARGUMENT');
    const unknownProfile = await create({ ...ebookConfig(sources.epub), profile: 'ebook-1999' });
    expect(unknownProfile.statusCode).toBe(400);
    const unknownField = await create({ ...ebookConfig(sources.epub), colour: 'blue' });
    expect(unknownField.statusCode).toBe(400);
    // Nothing of these was queued.
    expect((await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(admin) })).json().total).toBe(
      before,
    );
  });

  it('issue #19: provider settings with unknown keys are refused', async () => {
    const unknownTop = await s.app.inject({
      method: 'PUT',
      url: '/api/config/apis/openlibrary',
      headers: h(admin),
      payload: { enabled: true, colour: 'blue' },
    });
    expect(unknownTop.statusCode).toBe(400);
    expect(unknownTop.json().error.code).toBe('VALIDATION_FAILED');
    const unknownSetting = await s.app.inject({
      method: 'PUT',
      url: '/api/config/apis/openlibrary',
      headers: h(admin),
      payload: { settings: { timeoutMs: 5000, turbo: true } },
    });
    expect(unknownSetting.statusCode).toBe(400);
    const good = await s.app.inject({
      method: 'PUT',
      url: '/api/config/apis/openlibrary',
      headers: h(admin),
      payload: { enabled: true, settings: { timeoutMs: 5000 } },
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().settings).toEqual({ timeoutMs: 5000 });
  });
});
