// Jobs through the API on SQLite, MariaDB and PostgreSQL: run to completion with logs and
// artifacts matching the files, downloads with Range, cancel mid-run, retry, delete, ownership,
// source confinement and the live event stream.
import { mkdir, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32OfFile, formatCrc32, parseSrr } from '../../src/engine/index.js';
import { availableDialects } from '../helpers/databases.js';
import { ebookConfig, makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { tempDir } from '../helpers/readers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { shouldRunWith } from '../helpers/tools.js';

const dialects = shouldRunWith('mkvmerge') ? await availableDialects() : [];

describe.each(dialects)('jobs on %s', (dialect) => {
  let s: TestServer;
  let roots: string;
  let sources: { epub: string; large: string };
  let admin: string;
  let operator: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const getJob = (id: string, token = admin) =>
    s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(token) }).then((r) => r.json());

  beforeAll(async () => {
    roots = await tempDir('roots');
    sources = await makeSources(roots);
    s = await startTestServer(dialect, { RELPACK_SOURCE_ROOTS: roots }, { realClock: true });
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs a pack job to completion with logs, and artifacts that match the files on disk', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(operator),
      payload: { ...ebookConfig(sources.epub), time: '2026-12-01T21:00:00+01:00' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      type: 'ebook',
      status: 'pending',
      profile: 'ebook-2022',
      attempts: 0,
    });
    const id = created.json().id;
    const done = await until(
      () => getJob(id, operator),
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.result).toMatchObject({
      releaseName: 'Ann.Author.Job.Book.2020.RETAiL.ePUB.eBOOK-GRP',
      volumeCount: 2,
      findings: [],
      packedAt: '2026-12-01T20:00:00.000Z',
    });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();

    const logs = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${id}/logs`, headers: h(operator) })
    ).json().items;
    expect(logs.map((l: { message: string }) => l.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^packing ebook/),
        expect.stringMatching(/^completed Ann\.Author/),
      ]),
    );
    const warnOnly = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${id}/logs?level=warn`, headers: h(operator) })
    ).json().items;
    expect(warnOnly.every((l: { level: string }) => l.level === 'warn' || l.level === 'error')).toBe(true);

    const artifacts = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${id}/artifacts`, headers: h(operator) })
    ).json().items;
    const ebookSrr = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/srr`, headers: h(operator) });
    expect(ebookSrr.statusCode).toBe(422);
    expect(ebookSrr.json().error).toMatchObject({
      code: 'SRR_NO_VOLUMES',
      message: expect.stringContaining('ZIP disks'),
    });
    expect(artifacts.map((a: { kind: string }) => a.kind).sort()).toEqual(['nfo', 'zip', 'zip']);
    const releaseDir = join(s.services.config.releasesDir, id);
    for (const a of artifacts) {
      const onDisk = await crc32OfFile(join(releaseDir, a.path));
      expect({ size: a.size, crc32: a.crc32 }).toEqual({
        size: onDisk.size,
        crc32: formatCrc32(onDisk.crc32).toLowerCase(),
      });
    }
    const zip = artifacts.find((a: { kind: string }) => a.kind === 'zip');
    const bytes = await readFile(join(releaseDir, zip.path));
    const full = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}/artifacts/${zip.id}/download`,
      headers: h(operator),
    });
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.equals(bytes)).toBe(true);
    expect(full.headers['content-disposition']).toContain(zip.path.split('/').pop());
    const part = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}/artifacts/${zip.id}/download`,
      headers: { ...h(operator), range: 'bytes=1000-1999' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(part.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
    const bad = await s.app.inject({
      method: 'GET',
      url: `/api/jobs/${id}/artifacts/${zip.id}/download`,
      headers: { ...h(operator), range: `bytes=${bytes.length + 5}-` },
    });
    expect(bad.statusCode).toBe(416);

    // delete removes the job, its logs, artifacts and files
    const del = await s.app.inject({ method: 'DELETE', url: `/api/jobs/${id}`, headers: h(operator) });
    expect(del.statusCode).toBe(204);
    await expect(stat(releaseDir)).rejects.toThrow();
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(operator) })).statusCode,
    ).toBe(404);
    expect(await s.repos.jobLogs.list(id, { limit: 10 })).toEqual([]);
    expect(await s.repos.artifacts.list(id)).toEqual([]);
  });

  it('cancels a running job promptly, removes its partial output, and retries it', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(admin),
      payload: tvConfig(sources.large),
    });
    const id = created.json().id;
    await until(
      () => getJob(id),
      (j) => j.status === 'running' && (j.progress?.bytesDone ?? 0) > 0,
    );
    const running = await s.app.inject({ method: 'DELETE', url: `/api/jobs/${id}`, headers: h(admin) });
    expect(running.statusCode).toBe(409);
    expect(running.json().error.code).toBe('JOB_INVALID_STATE');
    const cancel = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/cancel`, headers: h(admin) });
    expect(cancel.statusCode).toBe(200);
    const cancelled = await until(
      () => getJob(id),
      (j) => j.status !== 'running',
      10_000,
    );
    expect(cancelled.status).toBe('cancelled');
    await expect(stat(join(s.services.config.releasesDir, id))).rejects.toThrow();
    const retried = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: h(admin) });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 1, error: null });
    const done = await until(
      () => getJob(id),
      (j) => ['completed', 'failed'].includes(j.status),
      60_000,
    );
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.result.volumeCount).toBe(15);

    // Its .srr (issue #21): made from the release on disk, the owner's (and admins') only.
    const srr = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/srr`, headers: h(admin) });
    expect(srr.statusCode, srr.body).toBe(200);
    expect(srr.headers['content-disposition']).toBe(`attachment; filename="${done.result.releaseName}.srr"`);
    const parsed = parseSrr(srr.rawPayload);
    expect(parsed.appName).toMatch(/^relpack /);
    const releaseDir = join(s.services.config.releasesDir, id, done.result.releaseName);
    expect(parsed.volumes).toHaveLength(15);
    for (const volume of parsed.volumes) {
      expect(volume.size).toBe((await stat(join(releaseDir, volume.name))).size);
    }
    expect(parsed.storedFiles.map((f) => f.name).sort()).toEqual(
      (await readdir(releaseDir)).filter((n) => /\.(nfo|sfv)$/.test(n)).sort(),
    );
    const foreign = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/srr`, headers: h(operator) });
    expect(foreign.statusCode).toBe(404);
    const again = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/retry`, headers: h(admin) });
    expect(again.statusCode).toBe(409);
    await s.app.inject({ method: 'DELETE', url: `/api/jobs/${id}`, headers: h(admin) });
  }, 90_000);

  it('keeps operators to their own jobs and to the source roots; only admins override rules', async () => {
    const mine = (
      await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: h(admin),
        payload: ebookConfig(sources.epub),
      })
    ).json();
    expect(
      (await s.app.inject({ method: 'GET', url: `/api/jobs/${mine.id}`, headers: h(operator) })).statusCode,
    ).toBe(404);
    expect(
      (await s.app.inject({ method: 'POST', url: `/api/jobs/${mine.id}/cancel`, headers: h(operator) }))
        .statusCode,
    ).toBe(404);
    const list = (await s.app.inject({ method: 'GET', url: '/api/jobs', headers: h(operator) })).json();
    expect(list.items.every((j: { ownerId: string }) => j.ownerId !== mine.ownerId)).toBe(true);

    const outside = await tempDir('outside');
    const escapes = [
      join(outside, 'x.epub'),
      `${roots}/../${outside.split('/').pop()}/x.epub`,
      'relative/book.epub',
    ];
    await mkdir(join(roots, 'sub'));
    await symlink(outside, join(roots, 'sub', 'link'));
    await (await import('node:fs/promises')).writeFile(join(outside, 'x.epub'), 'x');
    escapes.push(join(roots, 'sub', 'link', 'x.epub'));
    for (const source of escapes) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: h(operator),
        payload: ebookConfig(source),
      });
      expect(res.statusCode, source).toBe(403);
      expect(res.json().error.code, source).toBe('PATH_OUTSIDE_ROOT');
    }
    const override = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(operator),
      payload: { ...ebookConfig(sources.epub), overrides: ['name.charset'] },
    });
    expect(override.statusCode).toBe(403);
    const invalid = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(operator),
      payload: { type: 'video', source: sources.epub },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    await until(
      () => getJob(mine.id),
      (j) => j.status === 'completed',
    );
  });

  it('streams progress, logs and a final status over Server-Sent Events', async () => {
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const created = (
      await s.app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: h(admin),
        payload: tvConfig(sources.large),
      })
    ).json();
    const response = await fetch(`${address}/api/jobs/${created.id}/events`, { headers: h(admin) });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events: { event: string; data: unknown }[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
        cut = buffer.indexOf('\n\n');
      }
    }
    expect(events[0]!.event).toBe('snapshot');
    expect(events.at(-1)!.event).toBe('end');
    expect((events.at(-1)!.data as { status: string }).status).toBe('completed');
    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { phase: string; bytesDone: number });
    expect(progress.length).toBeGreaterThan(1);
    const archive = progress.filter((p) => p.phase === 'archive').map((p) => p.bytesDone);
    expect(archive).toEqual([...archive].sort((a, b) => a - b));
    // statuses as the client saw them: the snapshot's, then each change, in a legal order
    const statuses = [
      (events[0]!.data as { status: string }).status,
      ...events.filter((e) => e.event === 'status').map((e) => (e.data as { status: string }).status),
    ];
    expect(statuses.at(-1)).toBe('completed');
    const order = ['pending', 'running', 'completed'];
    expect(statuses.map((x) => order.indexOf(x))).toEqual([...statuses.map((x) => order.indexOf(x))].sort());
    expect(events.filter((e) => e.event === 'log').length).toBeGreaterThan(2);
  }, 90_000);
});
