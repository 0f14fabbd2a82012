// Fixes, repacks and propers of a completed job's release through the API (issue #21), on
// SQLite, MariaDB and PostgreSQL: previews that write nothing, fix and repack jobs linked to the
// job whose release they fix, their releases validated on disk, and the release's history.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCp437, getProfile, validateRelease } from '../../src/engine/index.js';
import { availableDialects } from '../helpers/databases.js';
import { makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { tempDir } from '../helpers/readers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { shouldRunWith } from '../helpers/tools.js';

const dialects = shouldRunWith('mkvmerge') ? await availableDialects() : [];

describe.each(dialects)('release actions on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  let original: { id: string; result: { releaseName: string } };
  let sourcePath: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (url: string, token: string, payload: object) =>
    s.app.inject({ method: 'POST', url, headers: h(token), payload });
  const settled = (id: string) =>
    until(
      () => s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(admin) }).then((r) => r.json()),
      (j) => j.status === 'completed' || j.status === 'failed',
      60_000,
    );
  const releaseDirOf = (job: { id: string; result: { releaseName: string } }) =>
    join(s.services.config.releasesDir, job.id, job.result.releaseName);

  beforeAll(async () => {
    const roots = await tempDir('roots');
    const sources = await makeSources(roots, { largeBytes: 30_000_000 });
    s = await startTestServer(dialect, { RELPACK_SOURCE_ROOTS: roots }, { realClock: true });
    ({ admin, operator } = await s.signInAdminAndOperator());
    sourcePath = sources.large;
    const created = await post('/api/jobs', operator, tvConfig(sources.large));
    expect(created.statusCode, created.body).toBe(201);
    original = await settled(created.json().id);
    expect(original.result.releaseName).toBe('Big.Show.S01E01.720p.HDTV.x264-GRP');
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('previews a fix without a job, and refuses what the rules refuse', async () => {
    const before = (await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(admin) })).json().total;
    const preview = await post(`/api/jobs/${original.id}/fix/preview`, operator, {
      kind: 'dir',
      name: 'Big.Show.S01E02.720p.HDTV.x264-GRP',
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      action: 'fix',
      tag: 'DIRFIX',
      releaseName: 'Big.Show.S01E02.DIRFIX.720p.HDTV.x264-GRP',
      replaces: 'Big.Show.S01E01.720p.HDTV.x264-GRP',
      nfo: { text: expect.stringContaining('Big.Show.S01E01.720p.HDTV.x264-GRP') },
    });
    const noNfo = await post(`/api/jobs/${original.id}/fix/preview`, operator, { kind: 'nfo' });
    expect(noNfo.statusCode).toBe(422);
    expect(noNfo.json().error.message).toMatch(/NFOFIX is its new NFO/);
    const badName = await post(`/api/jobs/${original.id}/fix`, operator, {
      kind: 'dir',
      name: 'big show s01e02',
    });
    expect(badName.statusCode).toBe(422);
    expect(badName.json().error.code).toBe('RULE_VIOLATION');
    const noReason = await post(`/api/jobs/${original.id}/repack/preview`, operator, {
      proper: true,
      group: 'OTHER',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/must say why/);
    const proper = await post(`/api/jobs/${original.id}/repack/preview`, operator, {
      proper: true,
      group: 'OTHER',
      reason: 'the original is out of sync',
    });
    expect(proper.statusCode, proper.body).toBe(200);
    expect(proper.json()).toMatchObject({
      tag: 'PROPER',
      releaseName: 'Big.Show.S01E01.PROPER.720p.HDTV.x264-OTHER',
      notes: 'PROPER of Big.Show.S01E01.720p.HDTV.x264-GRP: the original is out of sync',
      warnings: [expect.stringContaining('wait 24 h after the pre')],
    });
    // An admin may fix anyone's release; a job nobody has is not found.
    expect((await post(`/api/jobs/${original.id}/fix/preview`, admin, { kind: 'sample' })).statusCode).toBe(
      200,
    );
    const missing = await post('/api/jobs/00000000-0000-4000-8000-000000000000/fix/preview', operator, {
      kind: 'sample',
    });
    expect(missing.statusCode).toBe(404);
    const after = (await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(admin) })).json().total;
    expect(after).toBe(before);
  });

  it('runs a DIRFIX and a REPACK as jobs linked to the original, and shows the history', async () => {
    const dirfix = await post(`/api/jobs/${original.id}/fix`, operator, {
      kind: 'dir',
      name: 'Big.Show.S01E02.720p.HDTV.x264-GRP',
      time: '2026-12-02T10:00:00Z',
    });
    expect(dirfix.statusCode, dirfix.body).toBe(201);
    expect(dirfix.json()).toMatchObject({
      type: 'tv',
      parentJobId: original.id,
      title: 'Big.Show.S01E02.DIRFIX.720p.HDTV.x264-GRP',
    });
    const fixed = await settled(dirfix.json().id);
    expect(fixed.status, JSON.stringify(fixed.error)).toBe('completed');
    const fixDir = releaseDirOf(fixed);
    const [nfo] = await readdir(fixDir);
    expect(decodeCp437(await readFile(join(fixDir, nfo!)))).toContain('Big.Show.S01E01.720p.HDTV.x264-GRP');
    const fixReport = await validateRelease(fixDir, getProfile('tv-720p-2016'));
    expect(fixReport.findings.filter((f) => f.severity === 'block')).toEqual([]);

    const repack = await post(`/api/jobs/${original.id}/repack`, operator, {
      reason: 'a broken volume',
      time: '2026-12-02T11:00:00Z',
    });
    expect(repack.statusCode, repack.body).toBe(201);
    const repacked = await settled(repack.json().id);
    expect(repacked.status, JSON.stringify(repacked.error)).toBe('completed');
    expect(repacked.result).toMatchObject({
      releaseName: 'Big.Show.S01E01.REPACK.720p.HDTV.x264-GRP',
      replaces: 'Big.Show.S01E01.720p.HDTV.x264-GRP',
    });
    const report = await validateRelease(releaseDirOf(repacked), getProfile('tv-720p-2016'));
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
    const artifacts = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${repacked.id}/artifacts`, headers: h(operator) })
    ).json().items;
    expect(artifacts.map((a: { path: string }) => a.path)).toContainEqual(
      expect.stringMatching(/^Big\.Show\.S01E01\.REPACK\.720p\.HDTV\.x264-GRP\/.*\.rar$/),
    );

    // The history from any job of the release: original, then its fix and its repack.
    for (const from of [original.id, repacked.id]) {
      const history = await s.app.inject({
        method: 'GET',
        url: `/api/jobs/${from}/history`,
        headers: h(operator),
      });
      expect(history.statusCode, history.body).toBe(200);
      expect(
        history
          .json()
          .items.map((e: { relation: string; tag: string | null; job: { title: string } }) => [
            e.relation,
            e.tag,
            e.job.title,
          ]),
      ).toEqual([
        ['original', null, expect.any(String)],
        ['fix', 'DIRFIX', 'Big.Show.S01E02.DIRFIX.720p.HDTV.x264-GRP'],
        ['repack', 'REPACK', 'Big.Show.S01E01.REPACK.720p.HDTV.x264-GRP'],
      ]);
    }
  }, 120_000);

  it('refuses a name relpack produced before as a dupe, unless an admin allows it (audited)', async () => {
    const name = original.result.releaseName;
    // Built at run time: the job plans the same name and fails before writing anything.
    const again = await post('/api/jobs', operator, tvConfig(sourcePath));
    expect(again.statusCode, again.body).toBe(201);
    const refused = await settled(again.json().id);
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatchObject({
      code: 'RELEASE_DUPE',
      message: expect.stringContaining(`${name} is a dupe`),
    });
    await expect(readdir(join(s.services.config.releasesDir, refused.id))).rejects.toThrow();
    // Given up front, in another case: refused at once.
    const upfront = await post('/api/jobs', operator, { ...tvConfig(sourcePath), name: name.toLowerCase() });
    expect(upfront.statusCode).toBe(409);
    expect(upfront.json().error.message).toContain('the same name in other case');
    const secondFix = await post(`/api/jobs/${original.id}/fix`, operator, {
      kind: 'dir',
      name: 'Big.Show.S01E02.720p.HDTV.x264-GRP',
    });
    expect(secondFix.statusCode).toBe(409);
    expect(secondFix.json().error.code).toBe('RELEASE_DUPE');
    expect((await post('/api/jobs', operator, { ...tvConfig(sourcePath), allowDupe: true })).statusCode).toBe(
      403,
    );

    const allowed = await post('/api/jobs', admin, { ...tvConfig(sourcePath), allowDupe: true });
    expect(allowed.statusCode, allowed.body).toBe(201);
    const done = await settled(allowed.json().id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const logs = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${done.id}/logs`, headers: h(admin) })
    ).json().items;
    expect(logs.map((l: { message: string }) => l.message)).toContainEqual(
      expect.stringContaining('dupe allowed by an admin'),
    );
    const audit = await s.repos.audit.list({ limit: 50, offset: 0 });
    expect(
      audit.items.map((a: { action: string; target: string | null }) => `${a.action}:${a.target}`),
    ).toContain(`job.allow_dupe:${done.id}`);

    const names = await s.app.inject({
      method: 'GET',
      url: '/api/releases?q=big.show',
      headers: h(operator),
    });
    expect(names.statusCode, names.body).toBe(200);
    expect(
      names
        .json()
        .items.map((r: { name: string; kind: string }) => `${r.kind}:${r.name}`)
        .sort(),
    ).toEqual(
      [
        `pack:${name}`,
        'fix:Big.Show.S01E02.DIRFIX.720p.HDTV.x264-GRP',
        'repack:Big.Show.S01E01.REPACK.720p.HDTV.x264-GRP',
      ].sort(),
    );
    // A release deleted before any upload delivered it was never out: its name is free again.
    const dirfix = names.json().items.find((r: { kind: string }) => r.kind === 'fix');
    const deleted = await s.app.inject({
      method: 'DELETE',
      url: `/api/jobs/${dirfix.jobId}`,
      headers: h(admin),
    });
    expect(deleted.statusCode).toBe(204);
    const redo = await post(`/api/jobs/${original.id}/fix/preview`, operator, {
      kind: 'dir',
      name: 'Big.Show.S01E02.720p.HDTV.x264-GRP',
    });
    expect(redo.statusCode).toBe(200);
    const redone = await post(`/api/jobs/${original.id}/fix`, operator, {
      kind: 'dir',
      name: 'Big.Show.S01E02.720p.HDTV.x264-GRP',
    });
    expect(redone.statusCode, redone.body).toBe(201);
    expect((await settled(redone.json().id)).status).toBe('completed');
  }, 120_000);
});
