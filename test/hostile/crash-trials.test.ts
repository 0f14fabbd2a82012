// Crash-consistency trials (issue #18): `relpack serve` is killed with SIGKILL at 20 seeded random
// points each of a pack, a URL download and an FTP upload, then started again. Every time the job
// ends failed (INTERRUPTED), no partial release is left where a complete one would be, and a retry
// finishes (a download or an upload resumes from what reached the disk) with a release
// `relpack validate` accepts, or a site holding the release byte for byte.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ebookConfig, makeSources, tvConfig, until } from '../helpers/job-fixtures.js';
import { makeEpub } from '../helpers/make-epub.js';
import { freePort } from '../helpers/net.js';
import { tempDir } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';
import { canRunServers, ensureTestUsers, userWritableDir } from '../servers/system-users.js';
import { type FtpServer, startVsftpd } from '../servers/vsftpd.js';

const bin = fileURLToPath(new URL('../../bin/relpack.js', import.meta.url));
const TRIALS = Number(process.env.RELPACK_CRASH_TRIALS ?? 20);
const PASSWORD = 'crash-trial-lantern-9';

/** mulberry32: the same kill points on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface JobView {
  id: string;
  status: string;
  error: { code: string } | null;
  progress: { phase?: string; bytesDone?: number; bytesTotal?: number } | null;
  result: { releaseName: string } | null;
}

describe.runIf(shouldRunWith('mkvmerge'))('crash-consistency trials', () => {
  let dataDir: string;
  let roots: string;
  let base: string;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess;
  let token: string;
  const figures: string[] = [];

  const start = async () => {
    server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
    await until(
      () =>
        fetch(`${base}/api/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      30_000,
    );
    token = (
      (await (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: PASSWORD }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
  };
  const kill = async () => {
    server.kill('SIGKILL');
    await once(server, 'exit');
  };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as T;
  };
  const job = (id: string) => api<JobView>('GET', `/api/jobs/${id}`);
  const ended = (id: string) =>
    until(
      () => job(id),
      (j) => ['completed', 'failed', 'cancelled'].includes(j.status),
      120_000,
    );

  /** After a restart: failed as INTERRUPTED, nothing under the release's place; then a retry finishes. */
  async function recoverAndRetry(id: string, profile: string): Promise<JobView> {
    const after = await job(id);
    expect(after.status).toBe('failed');
    expect(after.error?.code).toBe('INTERRUPTED');
    await expect(readdir(join(dataDir, 'releases', id))).rejects.toThrow();
    await api('POST', `/api/jobs/${id}/retry`);
    const done = await ended(id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const release = join(dataDir, 'releases', id, done.result!.releaseName);
    const check = spawnSync(process.execPath, [bin, 'validate', release, '--profile', profile, '--json'], {
      env,
      encoding: 'utf8',
    });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    return done;
  }

  beforeAll(async () => {
    dataDir = await tempDir('crash-trials');
    roots = await tempDir('crash-trials-src');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      RELPACK_DATA_DIR: dataDir,
      RELPACK_SOURCE_ROOTS: roots,
      RELPACK_ADMIN_PASSWORD: PASSWORD,
      RELPACK_ALLOW_PRIVATE_URLS: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    await start();
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    console.info(figures.join('\n'));
  });

  it(`issue #18: ${TRIALS} kills mid-pack: failed, no partial release, the retry validates`, async () => {
    const size = 400_000_000;
    const { large } = await makeSources(roots, { largeBytes: size });
    const random = seeded(18_001);
    /** Bytes written so far under the job's output folder (its staging folder and temp volumes). */
    const written = async (id: string) => {
      const entries = await readdir(join(dataDir, 'releases', id), {
        recursive: true,
        withFileTypes: true,
      }).catch(() => []);
      let n = 0;
      for (const e of entries)
        if (e.isFile()) n += (await stat(join(e.parentPath, e.name)).catch(() => null))?.size ?? 0;
      return n;
    };
    let kills = 0;
    for (let attempt = 0; kills < TRIALS && attempt < TRIALS * 2; attempt++) {
      const point = 0.05 + random() * 0.85;
      // One episode per attempt: the release of a finished trial makes the next one's name a dupe.
      const created = await api<JobView>('POST', '/api/jobs', tvConfig(large, attempt + 1));
      // The kill lands when the volumes on disk pass the point (or the job ended first).
      let reached = 0;
      await until(
        async () => {
          reached = await written(created.id);
          return reached >= point * size ? 'reached' : (await job(created.id)).status;
        },
        (state) => state === 'reached' || state === 'completed' || state === 'failed',
        60_000,
      );
      await kill();
      const seen = reached >= point * size;
      await start();
      if (!seen) continue; // finished before the point: not a trial
      kills++;
      await recoverAndRetry(created.id, 'tv-720p-2016');
      figures.push(
        `pack trial ${kills}: killed with ${Math.round((reached / size) * 100)}% of the volumes written; failed INTERRUPTED, retried, validated`,
      );
    }
    expect(kills).toBe(TRIALS);
  }, 1_200_000);

  it(`issue #18: ${TRIALS} kills mid-download: failed, the retry resumes and validates`, async () => {
    const book = join(roots, 'remote.epub');
    await makeEpub(book, {
      title: 'Remote Book',
      author: 'Ann Author',
      date: '2020-01-01',
      padding: 24_000_000,
    });
    const size = (await stat(book)).size;
    // Serves the file with Range support; the first answer of each trial stops at `pauseAt` and
    // waits there, so the kill lands at a known offset.
    let pauseAt = Number.POSITIVE_INFINITY;
    let reachedPause: () => void = () => undefined;
    const http: Server = createServer((req, res) => {
      const range = /bytes=(\d+)-/.exec(req.headers.range ?? '');
      const from = range ? Number(range[1]) : 0;
      res.writeHead(range ? 206 : 200, {
        'content-length': size - from,
        ...(range ? { 'content-range': `bytes ${from}-${size - 1}/${size}` } : {}),
      });
      const stop = pauseAt;
      pauseAt = Number.POSITIVE_INFINITY;
      if (stop >= size) {
        createReadStream(book, { start: from }).pipe(res);
        return;
      }
      const head = createReadStream(book, { start: from, end: stop - 1 });
      head.on('end', () => reachedPause());
      head.pipe(res, { end: false });
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const url = `http://127.0.0.1:${(http.address() as { port: number }).port}/remote.epub`;
    const random = seeded(18_002);
    let resumed = 0;
    try {
      for (let trial = 0; trial < TRIALS; trial++) {
        const point = Math.floor((0.05 + random() * 0.9) * size);
        pauseAt = point;
        const paused = new Promise<void>((resolve) => {
          reachedPause = resolve;
        });
        const created = await api<JobView>('POST', '/api/jobs', {
          type: 'ebook',
          sourceUrl: url,
          group: 'GRP',
          meta: { source: 'RETAiL', title: `Remote Book ${trial + 1}` },
        });
        await paused;
        // Wait until what was sent is on relpack's disk, then kill it mid-body.
        const part = join(dataDir, 'downloads', created.id, 'remote.epub.part');
        await until(
          () =>
            stat(part).then(
              (st) => st.size,
              () => 0,
            ),
          (bytes) => bytes >= point,
          30_000,
        );
        await kill();
        await start();
        const done = await recoverAndRetry(created.id, 'ebook-2022');
        const logs = await api<{ items: { message: string }[] }>(
          'GET',
          `/api/jobs/${done.id}/logs?limit=500`,
        );
        const resumedAt = logs.items.find((l) => l.message.startsWith('resuming at byte'));
        if (resumedAt) resumed++;
        figures.push(
          `download trial ${trial + 1}: killed at byte ${point} of ${size}; ${resumedAt ? resumedAt.message : 'started again'}; validated`,
        );
      }
      // What reached the disk before the kill is kept and resumed from, not fetched again.
      expect(resumed).toBeGreaterThan(TRIALS / 2);
    } finally {
      http.closeAllConnections();
      http.close();
    }
  }, 1_200_000);

  it.runIf(canRunServers())(
    `issue #18: ${TRIALS} kills mid-upload: failed, the retry resumes and the site has the release`,
    async () => {
      const ids = ensureTestUsers();
      const site = await userWritableDir(join(await tempDir('crash-site'), 'site'), ids.password);
      // Rate-limited, so each kill lands at a known point of the transfer.
      const ftp: FtpServer = await startVsftpd({
        dir: await tempDir('crash-ftp'),
        tls: false,
        maxRate: 4_000_000,
      });
      try {
        await makeEpub(join(roots, 'upload.epub'), {
          title: 'Upload Book',
          author: 'Ann Author',
          date: '2020-01-01',
          padding: 6_000_000,
        });
        const destination = await api<{ id: string }>('POST', '/api/destinations', {
          name: 'crash-ftp',
          protocol: 'ftp',
          host: '127.0.0.1',
          port: ftp.port,
          username: ftp.username,
          password: ftp.password,
          basePath: site,
          pathTemplate: '{{ release }}',
          retries: 0,
        });
        const pack = await api<JobView>('POST', '/api/jobs', ebookConfig(join(roots, 'upload.epub')));
        const packed = await ended(pack.id);
        expect(packed.status).toBe('completed');
        const local = join(dataDir, 'releases', pack.id, packed.result!.releaseName);
        const files = (await readdir(local, { recursive: true, withFileTypes: true })).filter((f) =>
          f.isFile(),
        );
        const total = (await Promise.all(files.map((f) => stat(join(f.parentPath, f.name))))).reduce(
          (n, st) => n + st.size,
          0,
        );
        const remoteBytes = async () => {
          const entries = await readdir(join(site, packed.result!.releaseName), {
            recursive: true,
            withFileTypes: true,
          }).catch(() => []);
          let n = 0;
          for (const e of entries) if (e.isFile()) n += (await stat(join(e.parentPath, e.name))).size;
          return n;
        };
        const random = seeded(18_003);
        let resumedTrials = 0;
        for (let trial = 0; trial < TRIALS; trial++) {
          const point = Math.floor((0.05 + random() * 0.85) * total);
          const queued = await api<{ items: JobView[] }>('POST', `/api/jobs/${pack.id}/upload`, {
            destinations: [destination.id],
          });
          const upload = queued.items[0]!;
          await until(remoteBytes, (bytes) => bytes >= Math.min(point, total - 1), 60_000);
          await kill();
          await start();
          const after = await job(upload.id);
          expect(after.status).toBe('failed');
          expect(after.error?.code).toBe('INTERRUPTED');
          await api('POST', `/api/jobs/${upload.id}/retry`);
          const done = await ended(upload.id);
          expect(done.status, JSON.stringify(done.error)).toBe('completed');
          const logs = await api<{ items: { message: string }[] }>(
            'GET',
            `/api/jobs/${upload.id}/logs?limit=500`,
          );
          const resumed = logs.items.some((l) => /resuming at byte|already there/.test(l.message));
          if (resumed) resumedTrials++;
          // The site holds exactly the release, byte for byte.
          for (const f of files) {
            const path = join(f.parentPath, f.name);
            const remote = join(site, packed.result!.releaseName, path.slice(local.length + 1));
            expect((await readFile(remote)).equals(await readFile(path)), remote).toBe(true);
          }
          figures.push(
            `upload trial ${trial + 1}: killed at ${point} of ${total} bytes; retried${resumed ? ', resumed' : ''}; the site has the release`,
          );
          // Start the next trial from an empty site.
          await rm(join(site, packed.result!.releaseName), { recursive: true, force: true });
        }
        expect(resumedTrials).toBeGreaterThan(TRIALS / 2);
      } finally {
        await ftp.stop();
      }
    },
    1_200_000,
  );
});
