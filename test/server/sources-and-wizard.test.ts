// Sources (browse, upload, URL with SSRF guards and Range resume) and the wizard (step validation,
// preview, pack) through the API. The preview and the pack of one state must agree.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../../src/app/index.js';
import { decodeCp437 } from '../../src/engine/index.js';
import { until } from '../helpers/job-fixtures.js';
import { makeEpub } from '../helpers/make-epub.js';
import { tempDir } from '../helpers/readers.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

function multipart(fileName: string, content: Buffer) {
  const boundary = `----relpack${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function listen(server: Server, host: string): Promise<number> {
  server.listen(0, host);
  await once(server, 'listening');
  return (server.address() as { port: number }).port;
}

describe('address guard', () => {
  it('blocks loopback, private, link-local, metadata and mapped forms; allows public addresses', () => {
    for (const a of [
      '127.0.0.1',
      '127.9.9.9',
      '::1',
      '::ffff:127.0.0.1',
      '169.254.169.254',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      'fd00::1',
      'fe80::1',
      '100.64.0.1',
      '0.0.0.0',
      '::',
      // issue #18: IPv4-compatible, site-local, NAT64, 6to4, Teredo and documentation ranges
      '::127.0.0.1',
      '::7f00:1',
      '::ffff:7f00:1',
      'fec0::1',
      '64:ff9b::a00:1',
      '64:ff9b:1::1',
      '2002:7f00:1::1',
      '2001:0:4136:e378::1',
      '2001:db8::1',
      '192.0.2.1',
      '198.51.100.7',
      '203.0.113.9',
    ]) {
      expect(isBlockedAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '2001:4860:4860::8888', '93.184.216.34', '::ffff:8.8.8.8'])
      expect(isBlockedAddress(a), a).toBe(false);
  });
});

describe('sources and wizard', () => {
  let s: TestServer;
  let roots: string;
  let epub: string;
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
  const getJob = async (id: string) => (await call(admin, 'GET', `/api/jobs/${id}`)).json();
  const userId = async (token: string) => (await call(token, 'GET', '/api/auth/me')).json().id as string;

  beforeAll(async () => {
    roots = await tempDir('wiz-roots');
    epub = join(roots, 'book.epub');
    await makeEpub(epub, {
      title: 'Wizard Book',
      author: 'Will Wright',
      date: '2019-03-03',
      padding: 6_000_000,
    });
    s = await startTestServer(
      'sqlite',
      // 127.0.0.2 stands for an allowed address (a LAN host let through by configuration).
      {
        RELPACK_SOURCE_ROOTS: roots,
        RELPACK_UPLOAD_LIMIT_BYTES: '8000000',
        RELPACK_URL_ALLOWED_NETWORKS: '127.0.0.2/32',
      },
      { realClock: true },
    );
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('browses the roots and refuses every way out of them', async () => {
    const top = (await call(operator, 'GET', '/api/sources/browse')).json();
    expect(top.entries.map((e: { path: string }) => e.path)).toContain(roots);
    const inside = (
      await call(operator, 'GET', `/api/sources/browse?path=${encodeURIComponent(roots)}`)
    ).json();
    expect(inside.entries).toEqual([
      expect.objectContaining({
        name: 'book.epub',
        type: 'file',
        releaseType: 'ebook',
        size: expect.any(Number),
      }),
    ]);
    const outside = await tempDir('wiz-outside');
    await mkdir(join(roots, 'sub'), { recursive: true });
    await symlink(outside, join(roots, 'sub', 'escape'));
    for (const path of [
      `${roots}/..`,
      `${roots}/../..`,
      '/etc',
      join(roots, 'sub', 'escape'),
      `${roots}/sub/../../`,
    ]) {
      const res = await call(operator, 'GET', `/api/sources/browse?path=${encodeURIComponent(path)}`);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('PATH_OUTSIDE_ROOT');
    }
    const relative = await call(
      operator,
      'GET',
      `/api/sources/browse?path=${encodeURIComponent('../../etc')}`,
    );
    expect(relative.statusCode).toBe(403);
  });

  it('streams an upload to disk, checks its content, and refuses oversized or mislabelled files without leaving them', async () => {
    const good = multipart('my book.epub', await readFile(epub));
    const up = await s.app.inject({
      method: 'POST',
      url: '/api/sources/upload',
      headers: { ...h(operator), 'content-type': good.contentType },
      payload: good.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      name: 'my book.epub',
      type: 'epub',
      size: (await readFile(epub)).length,
    });
    expect(up.json().path.startsWith(s.services.config.uploadsDir)).toBe(true);
    // the uploaded file is a valid source for a job
    const job = await call(operator, 'POST', '/api/jobs', {
      type: 'ebook',
      source: up.json().path,
      group: 'GRP',
      meta: { source: 'RETAiL' },
    });
    expect(job.statusCode).toBe(201);
    await until(
      () => getJob(job.json().id),
      (j) => j.status === 'completed',
    );

    const mine = join(s.services.config.uploadsDir, await userId(operator));
    expect(up.json().path.startsWith(`${mine}/`)).toBe(true);
    const before = (await readdir(mine)).length;
    const big = multipart('big.epub', randomBytes(9_000_000));
    const tooBig = await s.app.inject({
      method: 'POST',
      url: '/api/sources/upload',
      headers: { ...h(operator), 'content-type': big.contentType },
      payload: big.payload,
    });
    expect(tooBig.statusCode).toBe(413);
    const fake = multipart('fake.epub', Buffer.from('just some text, not an epub'));
    const mislabelled = await s.app.inject({
      method: 'POST',
      url: '/api/sources/upload',
      headers: { ...h(operator), 'content-type': fake.contentType },
      payload: fake.payload,
    });
    expect(mislabelled.statusCode).toBe(422);
    expect(mislabelled.json().error.code).toBe('SOURCE_TYPE_MISMATCH');
    expect((await readdir(mine)).length).toBe(before);
    const notMultipart = await call(operator, 'POST', '/api/sources/upload', { x: 1 });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('issue #18: an upload belongs to its uploader (and admins), not to other operators', async () => {
    const created = await call(admin, 'POST', '/api/users', {
      username: 'packer2',
      password: 'amber-glacier-flute-31',
      role: 'operator',
    });
    expect(created.statusCode).toBe(201);
    const other = (await s.login('packer2', 'amber-glacier-flute-31')).accessToken;
    const file = multipart('private.epub', await readFile(epub));
    const up = await s.app.inject({
      method: 'POST',
      url: '/api/sources/upload',
      headers: { ...h(operator), 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(up.statusCode).toBe(201);
    const path = up.json().path as string;
    const folder = join(path, '..');
    // The other operator can neither see it, browse it, preview it nor pack it.
    const roots = await call(other, 'GET', '/api/sources/browse');
    expect(JSON.stringify(roots.json())).not.toContain(await userId(operator));
    for (const p of [
      folder,
      join(s.services.config.uploadsDir, await userId(operator)),
      s.services.config.uploadsDir,
    ]) {
      const browse = await call(other, 'GET', `/api/sources/browse?path=${encodeURIComponent(p)}`);
      expect(browse.statusCode, p).toBe(403);
      expect(browse.json().error.code).toBe('PATH_OUTSIDE_ROOT');
    }
    const job = await call(other, 'POST', '/api/jobs', { type: 'ebook', source: path, group: 'GRP' });
    expect(job.statusCode).toBe(403);
    const step = await call(other, 'POST', '/api/wizard/step/validate', {
      step: 'source',
      data: { kind: 'local', path },
      state: { type: { releaseType: 'ebook' } },
    });
    expect(step.json().errors[0].code).toBe('PATH_OUTSIDE_ROOT');
    // Its uploader and an admin can.
    const own = await call(operator, 'GET', `/api/sources/browse?path=${encodeURIComponent(folder)}`);
    expect(own.json().entries.map((e: { name: string }) => e.name)).toEqual(['private.epub']);
    const byAdmin = await call(admin, 'GET', `/api/sources/browse?path=${encodeURIComponent(folder)}`);
    expect(byAdmin.statusCode).toBe(200);
  });

  it('issue #18: browsing a file is a 400 that says to browse its folder', async () => {
    const res = await call(operator, 'GET', `/api/sources/browse?path=${encodeURIComponent(epub)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/is a file/);
  });

  it('issue #18: a source swapped for a link out of the roots after queueing is not packed', async () => {
    const victim = join(roots, 'swapped.epub');
    await makeEpub(victim, { title: 'Swapped', author: 'Dee', date: '2018-01-01' });
    const outside = join(await tempDir('outside'), 'secret.epub');
    await makeEpub(outside, { title: 'Secret', author: 'Dee', date: '2018-01-01' });
    const ownerId = await userId(operator);
    // Queued as JobService would, but not yet run.
    const job = await s.repos.jobs.insert({
      type: 'ebook',
      profile: 'ebook-2022',
      ownerId,
      title: 'swapped.epub',
      config: { type: 'ebook', source: victim, group: 'GRP', meta: { source: 'RETAiL' } },
      now: new Date(),
    });
    await rm(victim);
    await symlink(outside, victim);
    expect(await s.services.runJob(job.id, new AbortController().signal)).toBe('failed');
    const failed = await getJob(job.id);
    expect(failed.error.code).toBe('PATH_OUTSIDE_ROOT');
  });

  it('refuses URL sources aimed at loopback, private, link-local or metadata addresses', async () => {
    for (const url of [
      'http://127.0.0.1/x.epub',
      'http://[::1]/x.epub',
      'http://[::127.0.0.1]/x.epub',
      'http://[::ffff:127.0.0.1]/x.epub',
      'http://[fec0::1]/x.epub',
      'http://foo.localhost/x.epub',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/x.epub',
      'http://192.168.0.10/x.epub',
      'http://localhost/x.epub',
      'http://user:pass@example.com/x.epub',
      'ftp://example.com/x.epub',
      'file:///etc/passwd',
    ]) {
      const res = await call(operator, 'POST', '/api/jobs', { type: 'ebook', sourceUrl: url, group: 'GRP' });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code, url).toBe('URL_NOT_ALLOWED');
    }
    // issue #18: one message for a private host and for a name that does not resolve (no DNS oracle)
    const messages = new Set<string>();
    for (const host of ['10.0.0.1', 'does-not-exist.invalid', 'intranet.localhost']) {
      const res = await call(operator, 'POST', '/api/jobs', {
        type: 'ebook',
        sourceUrl: `http://${host}/x.epub`,
        group: 'GRP',
      });
      const id = res.json().id as string | undefined;
      const error = id
        ? (
            await until(
              () => getJob(id),
              (j) => j.status === 'failed' || j.status === 'completed',
            )
          ).error
        : res.json().error;
      expect(error.code, host).toBe('URL_NOT_ALLOWED');
      messages.add(error.message.replace(/^http:\/\/[^ ]+/, '<origin>'));
    }
    expect([...messages]).toHaveLength(1);
    // a name that resolves to loopback passes the first check and is refused when it connects
    const target = createServer((_req, res) => res.end('secret'));
    const port = await listen(target, '0.0.0.0');
    try {
      const viaName = await call(operator, 'POST', '/api/jobs', {
        type: 'ebook',
        sourceUrl: `http://${hostname()}:${port}/x.epub`,
        group: 'GRP',
      });
      expect(viaName.statusCode).toBe(201);
      const failed = await until(
        () => getJob(viaName.json().id),
        (j) => j.status === 'failed' || j.status === 'completed',
      );
      expect(failed.error.code).toBe('URL_NOT_ALLOWED');
      // a redirect to loopback from an address that is allowed is refused at the second hop
      let hops = 0;
      const hop = createServer((_req, res) => {
        hops++;
        res.writeHead(302, { location: `http://127.0.0.1:${port}/x.epub` });
        res.end();
      });
      const hopPort = await listen(hop, '127.0.0.2');
      try {
        const redirected = await call(operator, 'POST', '/api/jobs', {
          type: 'ebook',
          sourceUrl: `http://127.0.0.2:${hopPort}/start.epub`,
          group: 'GRP',
        });
        expect(redirected.statusCode).toBe(201);
        const done = await until(
          () => getJob(redirected.json().id),
          (j) => j.status === 'failed' || j.status === 'completed',
        );
        expect(done.error.code).toBe('URL_NOT_ALLOWED');
        expect(hops).toBe(1);
      } finally {
        hop.close();
      }
    } finally {
      target.close();
    }
  });

  it('validates each wizard step with field errors, findings and what it learnt', async () => {
    const step = async (name: string, data: unknown, state: object = {}) =>
      (await call(operator, 'POST', '/api/wizard/step/validate', { step: name, data, state })).json();
    expect(await step('type', { releaseType: 'ebook' })).toMatchObject({
      ok: true,
      info: { profile: 'ebook-2022' },
    });
    expect((await step('type', { releaseType: 'movie' })).errors[0].path).toBe('releaseType');
    const source = await step('source', { kind: 'local', path: epub }, { type: { releaseType: 'ebook' } });
    expect(source).toMatchObject({
      ok: true,
      info: { type: 'epub', metadata: { title: 'Wizard Book', author: 'Will Wright' } },
    });
    const outside = await step(
      'source',
      { kind: 'local', path: '/etc/passwd' },
      { type: { releaseType: 'ebook' } },
    );
    expect(outside.errors[0].code).toBe('PATH_OUTSIDE_ROOT');
    expect(
      (await step('metadata', { meta: { bogus: '1' } }, { type: { releaseType: 'ebook' } })).errors[0]
        .message,
    ).toMatch(/unknown key/);
    const state = {
      type: { releaseType: 'ebook' },
      source: { kind: 'local', path: epub },
      metadata: { meta: { source: 'RETAiL' } },
    };
    const naming = await step('naming', { group: 'GRP' }, state);
    expect(naming.info.name).toBe('Will.Wright.Wizard.Book.2019.RETAiL.ePUB.eBOOK-GRP');
    const badName = await step('naming', { group: 'GRP', name: 'Bad Name 2019' }, state);
    expect(badName.ok).toBe(false);
    expect(badName.findings.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['name.charset', 'name.group-tag']),
    );
    const size = await step('packing', { volumeSize: 7_000_000 }, { ...state, naming: { group: 'GRP' } });
    expect(size.errors[0].code).toBe('VOLUME_SIZE_NOT_ALLOWED');
    const nfo = await step('nfo', { body: `${'x'.repeat(85)}` }, state);
    expect(nfo.info.warnings).toEqual([expect.objectContaining({ type: 'width', width: 85 })]);
  });

  it('packs exactly what it previewed, with preferences filling the gaps', async () => {
    await call(operator, 'PUT', '/api/preferences/pack.group', { value: 'PREF' });
    const state = {
      type: { releaseType: 'ebook' },
      source: { kind: 'local', path: epub },
      metadata: { meta: { source: 'RETAiL' } },
      packing: { volumeSize: 5_000_000 },
    };
    const preview = await call(operator, 'POST', '/api/wizard/preview', state);
    expect(preview.statusCode, preview.body).toBe(200);
    const plan = preview.json();
    expect(plan.releaseName).toBe('Will.Wright.Wizard.Book.2019.RETAiL.ePUB.eBOOK-PREF');
    expect(plan.disks).toHaveLength(2);
    expect(plan.disks[1].diz).toContain('DISK: [02/02]');
    const packed = await call(operator, 'POST', '/api/wizard/pack', state);
    expect(packed.statusCode).toBe(201);
    const job = await until(
      () => getJob(packed.json().id),
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(job.result.releaseName).toBe(plan.releaseName);
    expect(job.result.volumeCount).toBe(plan.volumes.length);
    const nfoPath = join(s.services.config.releasesDir, job.id, plan.releaseName, plan.nfo.name);
    expect(decodeCp437(await readFile(nfoPath))).toBe(plan.nfo.text);
    const url = await call(operator, 'POST', '/api/wizard/preview', {
      ...state,
      source: { kind: 'url', url: 'https://example.com/x.epub' },
    });
    expect(url.statusCode).toBe(422);
    expect(url.json().error.code).toBe('SOURCE_NOT_LOCAL');
    const incomplete = await call(operator, 'POST', '/api/wizard/preview', {
      type: { releaseType: 'ebook' },
    });
    expect(incomplete.statusCode).toBe(400);
  });
});

describe('URL downloads with private addresses allowed', () => {
  it('downloads from a local server and resumes a cut download with Range on retry', async () => {
    const roots = await tempDir('dl-roots');
    const book = join(roots, 'book.epub');
    await makeEpub(book, { title: 'Downloaded', author: 'Dee', date: '2018-01-01', padding: 3_000_000 });
    const bytes = await readFile(book);
    let cutOnce = true;
    const ranges: string[] = [];
    const server = createServer((req, res) => {
      const range = req.headers.range;
      if (range) ranges.push(range);
      if (req.url === '/cut.epub' && cutOnce && !range) {
        cutOnce = false;
        res.writeHead(200, { 'content-length': bytes.length });
        res.write(bytes.subarray(0, 1_000_000));
        setTimeout(() => res.destroy(), 50);
        return;
      }
      const start = range ? Number(/bytes=(\d+)-/.exec(range)![1]) : 0;
      res.writeHead(range ? 206 : 200, {
        'content-length': bytes.length - start,
        ...(range ? { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}` } : {}),
      });
      res.end(bytes.subarray(start));
    });
    const port = await listen(server, '127.0.0.1');
    const s = await startTestServer(
      'sqlite',
      { RELPACK_SOURCE_ROOTS: roots, RELPACK_ALLOW_PRIVATE_URLS: 'true' },
      { realClock: true },
    );
    try {
      const token = (await s.login('admin', ADMIN_PASSWORD)).accessToken;
      const headers = { authorization: `Bearer ${token}` };
      const get = async (id: string) =>
        (await s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers })).json();
      // The same book twice would be a dupe: the second job has its own edition.
      const config = (path: string, meta: Record<string, string> = {}) => ({
        type: 'ebook',
        sourceUrl: `http://127.0.0.1:${port}${path}`,
        group: 'GRP',
        meta: { source: 'RETAiL', ...meta },
      });
      const plain = (
        await s.app.inject({ method: 'POST', url: '/api/jobs', headers, payload: config('/book.epub') })
      ).json();
      const done = await until(
        () => get(plain.id),
        (j) => j.status === 'completed' || j.status === 'failed',
      );
      expect(done.status, JSON.stringify(done.error)).toBe('completed');
      expect(done.result.releaseName).toBe('Dee.Downloaded.2018.RETAiL.ePUB.eBOOK-GRP');
      await expect(readdir(join(s.services.config.downloadsDir, plain.id))).rejects.toThrow();

      const cut = (
        await s.app.inject({
          method: 'POST',
          url: '/api/jobs',
          headers,
          payload: config('/cut.epub', { title: 'Resumed' }),
        })
      ).json();
      const failed = await until(
        () => get(cut.id),
        (j) => j.status === 'failed' || j.status === 'completed',
      );
      expect(failed.status).toBe('failed');
      expect(failed.error.code).toBe('DOWNLOAD_FAILED');
      await s.app.inject({ method: 'POST', url: `/api/jobs/${cut.id}/retry`, headers });
      const resumed = await until(
        () => get(cut.id),
        (j) => j.status === 'completed' || j.status === 'failed',
      );
      expect(resumed.status, JSON.stringify(resumed.error)).toBe('completed');
      expect(ranges).toEqual([expect.stringMatching(/^bytes=\d+-$/)]);
      expect(Number(/bytes=(\d+)-/.exec(ranges[0]!)![1])).toBeGreaterThan(0);
      const logs = (await s.app.inject({ method: 'GET', url: `/api/jobs/${cut.id}/logs`, headers })).json()
        .items;
      expect(logs.some((l: { message: string }) => l.message.startsWith('resuming at byte'))).toBe(true);
    } finally {
      await s.close();
      server.close();
    }
  }, 60_000);
});
