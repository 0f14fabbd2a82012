// Hostile HTTP peers against URL downloads (issue #18, item 1): whatever a remote server sends, the
// download ends with a coded error or a correct file, and the process lives on.
// Covers: head+body+FIN in one write in every framing (Content-Length with Connection: close,
// HTTP/1.0, EOF-delimited, chunked), several at once; bytes past Content-Length; a short body; an
// endless body; silence; a gzip bomb; a resume at the wrong offset; a redirect loop.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadUrl } from '../../src/app/sources/download-url.js';
import { UrlPolicy } from '../../src/app/sources/url-guard.js';
import { until } from '../helpers/job-fixtures.js';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/test-server.js';
import {
  type Behaviour,
  burst,
  chunked,
  endless,
  type HostileServer,
  silent,
  startHostileServer,
} from './hostile-http-server.js';

const BODY = Buffer.alloc(512 * 1024);
for (let i = 0; i < BODY.length; i++) BODY[i] = (i * 31 + (i >> 9)) & 0xff;

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(behaviour: Behaviour): Promise<HostileServer> {
  const server = await startHostileServer(behaviour);
  servers.push(server);
  return server;
}

async function download(url: string, overrides: { maxBytes?: number; timeoutSeconds?: number } = {}) {
  const dir = await tempDir('hostile-dl');
  const result = await downloadUrl({
    url,
    dir,
    maxBytes: overrides.maxBytes ?? 64 * 2 ** 20,
    timeoutSeconds: overrides.timeoutSeconds ?? 30,
    policy: new UrlPolicy({ allowPrivate: true }),
  });
  return { ...result, bytes: await readFile(result.path), dir };
}

const FRAMINGS: Record<string, Behaviour> = {
  'Content-Length with Connection: close': burst(
    `HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\nConnection: close\r\n\r\n`,
    BODY,
  ),
  'HTTP/1.0 with a length': burst(`HTTP/1.0 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n`, BODY),
  'HTTP/1.0 to EOF': burst('HTTP/1.0 200 OK\r\n\r\n', BODY),
  'HTTP/1.1 to EOF': burst('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n', BODY),
  chunked: burst('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', chunked(BODY)),
};

describe('hostile HTTP peers', () => {
  for (const [framing, behaviour] of Object.entries(FRAMINGS)) {
    it(`issue #18: a burst answer with FIN (${framing}) downloads intact instead of crashing`, async () => {
      const server = await serve(behaviour);
      // Several at once, as several jobs would: each body lands under backpressure.
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => download(server.url(`/f${n}.epub`))));
      for (const r of results) expect(r.bytes.equals(BODY)).toBe(true);
    });
  }

  it('issue #18: a burst cut short of its Content-Length fails with DOWNLOAD_FAILED', async () => {
    const server = await serve(
      burst(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length + 1000}\r\n\r\n`, BODY),
    );
    await expect(download(server.url())).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED' });
  });

  it('issue #18: an unterminated chunked burst fails with DOWNLOAD_FAILED', async () => {
    const body = chunked(BODY);
    const server = await serve(
      burst('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', body.subarray(0, body.length - 5)),
    );
    await expect(download(server.url())).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED' });
  });

  it('issue #18: bytes sent past Content-Length are not part of the file', async () => {
    const server = await serve(
      burst(`HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n`, Buffer.concat([BODY, Buffer.from('garbage')])),
    );
    const result = await download(server.url());
    expect(result.bytes.equals(BODY.subarray(0, 1000))).toBe(true);
  });

  it('issue #18: an endless body stops at the size limit with DOWNLOAD_TOO_LARGE', async () => {
    const piece = chunked(Buffer.alloc(64 * 1024, 0x61), 1).subarray(0, -5);
    const server = await serve(endless('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', piece));
    await expect(download(server.url(), { maxBytes: 4 * 2 ** 20 })).rejects.toMatchObject({
      code: 'DOWNLOAD_TOO_LARGE',
    });
    const raw = await serve(endless('HTTP/1.0 200 OK\r\n\r\n', Buffer.alloc(64 * 1024, 0x62)));
    await expect(download(raw.url(), { maxBytes: 4 * 2 ** 20 })).rejects.toMatchObject({
      code: 'DOWNLOAD_TOO_LARGE',
    });
  });

  it('issue #18: a server that never answers fails with DOWNLOAD_FAILED after the timeout', async () => {
    const server = await serve(silent);
    await expect(download(server.url(), { timeoutSeconds: 1 })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
    });
  });

  it('issue #18: a server that goes silent mid-body fails with DOWNLOAD_FAILED', async () => {
    const server = await serve((socket) =>
      socket.write(
        Buffer.concat([
          Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${BODY.length}\r\n\r\n`),
          BODY.subarray(0, 1000),
        ]),
      ),
    );
    await expect(download(server.url(), { timeoutSeconds: 1 })).rejects.toMatchObject({
      code: 'DOWNLOAD_FAILED',
    });
  });

  it('issue #18: a gzip bomb is refused without being inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 2 ** 20));
    const server = await serve(
      burst(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\n\r\n`, bomb),
    );
    const before = process.memoryUsage().rss;
    const error = await download(server.url()).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_FAILED' });
    expect((error as Error).message).toMatch(/gzip-encoded/);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 2 ** 20);
    expect(server.requests[0]).toMatch(/accept-encoding: identity/i);
  });

  it('issue #18: a resume answered at the wrong offset is refused', async () => {
    const server = await serve((socket, request) => {
      expect(request).toMatch(/range: bytes=300-/i);
      socket.end(
        Buffer.concat([
          Buffer.from(
            `HTTP/1.1 206 Partial\r\nContent-Range: bytes 0-${BODY.length - 1}/${BODY.length}\r\nContent-Length: ${BODY.length}\r\n\r\n`,
          ),
          BODY,
        ]),
      );
    });
    const dir = await tempDir('hostile-resume');
    // What an earlier, cut attempt left.
    await writeFile(join(dir, 'file.epub.part'), BODY.subarray(0, 300));
    const options = {
      url: server.url(),
      dir,
      maxBytes: 2 ** 24,
      timeoutSeconds: 30,
      policy: new UrlPolicy({ allowPrivate: true }),
    };
    await expect(downloadUrl(options)).rejects.toThrow(/resumed at byte 0 instead of byte 300/);
    await expect(readFile(join(dir, 'file.epub'))).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it('issue #18: a redirect loop ends after five hops', async () => {
    const server = await serve((socket) =>
      socket.end('HTTP/1.1 302 Found\r\nLocation: /again.epub\r\nContent-Length: 0\r\n\r\n'),
    );
    await expect(download(server.url())).rejects.toThrow(/Too many redirects/);
    expect(server.requests.length).toBe(6);
  });

  it('issue #18: a malformed status line or headers fail with DOWNLOAD_FAILED', async () => {
    for (const answer of [
      'HTTP/1.1 abc\r\n\r\n',
      `HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 9\r\n\r\nhello`,
      `HTTP/1.1 200 OK\r\nX-Huge: ${'a'.repeat(100_000)}\r\n\r\n`,
      'SSH-2.0-OpenSSH\r\n\r\n',
    ]) {
      const server = await serve((socket) => socket.end(answer));
      await expect(download(server.url()), answer.slice(0, 30)).rejects.toMatchObject({
        code: 'DOWNLOAD_FAILED',
      });
    }
  });

  it('issue #18: URL pack jobs against crashing-burst servers end with a result while the server answers', async () => {
    const dir = await tempDir('hostile-jobs');
    const book = join(dir, 'book.epub');
    await makeEpub(book, { title: 'Burst', author: 'Dee', date: '2018-01-01', padding: 600_000 });
    const epub = await readFile(book);
    const good = await serve(
      burst(`HTTP/1.1 200 OK\r\nContent-Length: ${epub.length}\r\nConnection: close\r\n\r\n`, epub),
    );
    const short = await serve(burst(`HTTP/1.1 200 OK\r\nContent-Length: ${epub.length * 2}\r\n\r\n`, epub));
    const s = await startTestServer(
      'sqlite',
      { RELPACK_SOURCE_ROOTS: dir, RELPACK_ALLOW_PRIVATE_URLS: 'true', RELPACK_QUEUE_CONCURRENCY: '3' },
      { realClock: true },
    );
    try {
      const headers = { authorization: `Bearer ${(await s.login('admin', ADMIN_PASSWORD)).accessToken}` };
      // The same book twice would be a dupe: each job packs it under its own group.
      const submit = async (url: string, group: string) =>
        (
          await s.app.inject({
            method: 'POST',
            url: '/api/jobs',
            headers,
            payload: { type: 'ebook', sourceUrl: url, group, meta: { source: 'RETAiL' } },
          })
        ).json().id as string;
      const ids = [
        await submit(good.url('/a.epub'), 'GRP'),
        await submit(short.url('/b.epub'), 'GRPB'),
        await submit(good.url('/c.epub'), 'GRPC'),
        await submit(short.url('/d.epub'), 'GRPD'),
      ];
      const health = await s.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      const jobs = await Promise.all(
        ids.map((id) =>
          until(
            async () => (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers })).json(),
            (j) => j.status === 'completed' || j.status === 'failed',
          ),
        ),
      );
      expect(jobs.map((j) => j.status)).toEqual(['completed', 'failed', 'completed', 'failed']);
      expect(jobs[1].error.code).toBe('DOWNLOAD_FAILED');
      expect(jobs[0].result.releaseName).toBe('Dee.Burst.2018.RETAiL.ePUB.eBOOK-GRP');
    } finally {
      await s.close();
    }
  });
});
