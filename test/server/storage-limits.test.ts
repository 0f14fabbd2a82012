// Per-user upload quota and storage retention (issue #18, item 7): an upload past the quota is a
// 413 that leaves nothing; the sweep removes uploads untouched past their retention and the kept
// downloads of jobs that failed long ago, and nothing a live job still needs.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----relpack${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('storage limits', () => {
  let s: TestServer;
  let operator: string;
  let epub: Buffer;

  beforeAll(async () => {
    s = await startTestServer('sqlite', { RELPACK_UPLOAD_QUOTA_BYTES: '5000000' });
    ({ operator } = await s.signInAdminAndOperator());
    const path = join(await tempDir('quota'), 'b.epub');
    await makeEpub(path, { title: 'Quota', author: 'Dee', date: '2018-01-01', padding: 2_000_000 });
    epub = await readFile(path);
  });
  afterAll(async () => {
    await s?.close();
  });

  const upload = (name: string) => {
    const body = multipart(name, epub);
    return s.app.inject({
      method: 'POST',
      url: '/api/sources/upload',
      headers: { authorization: `Bearer ${operator}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('issue #18: an upload past the user quota is a 413 and leaves nothing', async () => {
    expect((await upload('one.epub')).statusCode).toBe(201);
    expect((await upload('two.epub')).statusCode).toBe(201);
    const third = await upload('three.epub');
    expect(third.statusCode).toBe(413);
    expect(third.json().error.code).toBe('UPLOAD_QUOTA_EXCEEDED');
    const users = await readdir(s.services.config.uploadsDir);
    const files = await readdir(join(s.services.config.uploadsDir, users[0]!), { recursive: true });
    const names = files.filter((f) => f.endsWith('.epub')).map((f) => f.split('/').pop());
    expect(names.sort()).toEqual(['one.epub', 'two.epub']);
  });

  it('issue #18: the sweep removes old uploads and old failed downloads, and keeps the rest', async () => {
    const uploads = s.services.config.uploadsDir;
    const downloads = s.services.config.downloadsDir;
    const old = new Date(Date.parse('2026-11-26T12:00:00Z') - 40 * 86_400_000);
    const stale = join(uploads, 'some-user', 'stale-upload');
    const fresh = join(uploads, 'some-user', 'fresh-upload');
    for (const dir of [stale, fresh]) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'x.epub'), 'x');
    }
    await utimes(stale, old, old);
    await utimes(fresh, new Date('2026-11-25T12:00:00Z'), new Date('2026-11-25T12:00:00Z'));
    // A download kept for a job that failed long ago, one whose job is gone, one of a pending job.
    const failed = await s.repos.jobs.insert({
      type: 'ebook',
      profile: 'ebook-2022',
      ownerId: null,
      title: 'f',
      config: { type: 'ebook', sourceUrl: 'https://example.com/a.epub', group: 'GRP' },
      now: old,
    });
    await s.repos.jobs.transition(failed.id, ['pending'], 'failed', old, { finishedAt: old });
    const pending = await s.repos.jobs.insert({
      type: 'ebook',
      profile: 'ebook-2022',
      ownerId: null,
      title: 'p',
      config: { type: 'ebook', sourceUrl: 'https://example.com/b.epub', group: 'GRP' },
      now: old,
    });
    for (const id of [failed.id, pending.id, '00000000-0000-4000-8000-00000000dead']) {
      await mkdir(join(downloads, id), { recursive: true });
      await writeFile(join(downloads, id, 'a.epub.part'), 'partial');
    }
    const swept = await s.services.sweepStorage();
    expect(swept).toEqual({ uploadsRemoved: 1, downloadsRemoved: 2 });
    expect(await readdir(join(uploads, 'some-user'))).toEqual(['fresh-upload']);
    expect(await readdir(downloads)).toEqual([pending.id]);
  });
});
