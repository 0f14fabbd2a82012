// Destinations and upload jobs through the API, against real vsftpd and sshd: CRUD with secrets
// sealed at rest, the connection test, host keys recorded on first use, uploads queued after a
// pack and on demand, and a failed upload retried as a job that resumes from the remote size.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/index.js';
import { listReleaseFiles } from '../../src/delivery/index.js';
import { availableDialects } from '../helpers/databases.js';
import { ebookConfig, makeSources, until } from '../helpers/job-fixtures.js';
import { tempDir } from '../helpers/readers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { shouldRunWith } from '../helpers/tools.js';
import { type SftpServer, startSshd } from '../servers/sshd.js';
import { canRunServers, ensureTestUsers, killDescendants, userWritableDir } from '../servers/system-users.js';
import { type FtpServer, startVsftpd } from '../servers/vsftpd.js';

const run = canRunServers() && shouldRunWith('mkvmerge');
const dialects = run ? await availableDialects() : [];

let work: string;
let remoteRoot: string;
let ftp: FtpServer;
let slowFtp: FtpServer;
let sshd: SftpServer;
let sources: { epub: string };

beforeAll(async () => {
  if (!run) return;
  const ids = ensureTestUsers();
  work = await tempDir('delivery-jobs');
  remoteRoot = await userWritableDir(join(work, 'remote'), ids.password);
  [ftp, slowFtp, sshd] = await Promise.all([
    startVsftpd({ dir: join(work, 'ftp'), tls: false }),
    startVsftpd({ dir: join(work, 'ftp-slow'), tls: false, maxRate: 1_500_000 }),
    startSshd(join(work, 'sshd')),
  ]);
  sources = await makeSources(await tempDir('delivery-sources'), { largeBytes: 1 });
}, 60_000);

afterAll(async () => {
  await Promise.all([ftp?.stop(), slowFtp?.stop(), sshd?.stop()]);
});

async function sameTree(local: string, remote: string): Promise<void> {
  const a = await listReleaseFiles(local);
  const b = await listReleaseFiles(remote);
  expect(b.map((f) => f.path).sort()).toEqual(a.map((f) => f.path).sort());
  for (const f of a)
    expect((await readFile(join(remote, f.path))).equals(await readFile(join(local, f.path)))).toBe(true);
}

describe.each(dialects)('destinations and upload jobs on %s', (dialect) => {
  let s: TestServer;
  let admin: string;
  let operator: string;
  const h = (token: string) => ({ authorization: `Bearer ${token}` });
  const getJob = (id: string) =>
    s.app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: h(admin) }).then((r) => r.json());
  const finished = (id: string, ms = 60_000) =>
    until(
      () => getJob(id),
      (j) => ['completed', 'failed', 'cancelled'].includes(j.status),
      ms,
    );
  const createDestination = async (body: Record<string, unknown>) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/destinations',
      headers: h(admin),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const base = () => join(remoteRoot, dialect);

  beforeAll(async () => {
    s = await startTestServer(
      dialect,
      { RELPACK_SOURCE_ROOTS: join(sources.epub, '..') },
      { realClock: true },
    );
    ({ admin, operator } = await s.signInAdminAndOperator());
  });
  afterAll(async () => {
    await s?.close();
  });

  it('manages destinations: secrets sealed at rest and never returned, admin-only changes, clear validation', async () => {
    const d = await createDestination({
      name: 'site-sftp',
      protocol: 'sftp',
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.passwordUser.username,
      password: sshd.passwordUser.password,
      basePath: base(),
      pathTemplate: 'sftp/{{ type }}/{{ release }}',
      hostKey: { trustOnFirstUse: true },
    });
    expect(d).toMatchObject({
      hasPassword: true,
      hasPrivateKey: false,
      tempRename: true,
      verify: 'auto',
      port: sshd.port,
    });
    expect(JSON.stringify(d)).not.toContain(sshd.passwordUser.password);
    expect(d.hostKey).toEqual({ fingerprint: null, trustOnFirstUse: true, source: null, recordedAt: null });

    const db = connectDatabase(s.database.url, s.services.config.dataDir);
    try {
      const row = await sql<{
        password_encrypted: string;
      }>`select password_encrypted from destinations where id = ${d.id}`.execute(db.db);
      expect(row.rows[0]!.password_encrypted).not.toContain(sshd.passwordUser.password);
      expect(row.rows[0]!.password_encrypted.length).toBeGreaterThan(20);
    } finally {
      await db.close();
    }

    const list = await s.app.inject({ method: 'GET', url: '/api/destinations', headers: h(operator) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { name: string }) => x.name)).toContain('site-sftp');
    expect(list.body).not.toContain(sshd.passwordUser.password);
    const denied = await s.app.inject({
      method: 'POST',
      url: '/api/destinations',
      headers: h(operator),
      payload: { name: 'x', protocol: 'ftp', host: 'h', username: 'u' },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await s.app.inject({
      method: 'POST',
      url: '/api/destinations',
      headers: h(admin),
      payload: { name: 'x', protocol: 'ftp', host: 'h', username: 'u', basePath: 'relative', passive: false },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(['basePath', 'passive']);
    const dup = await s.app.inject({
      method: 'POST',
      url: '/api/destinations',
      headers: h(admin),
      payload: { name: 'site-sftp', protocol: 'ftp', host: 'h', username: 'u' },
    });
    expect(dup.json().error.code).toBe('DESTINATION_NAME_TAKEN');
  });

  it('tests a connection: records an SFTP host key on first use (audited), and names each failure', async () => {
    const list = (await s.app.inject({ method: 'GET', url: '/api/destinations', headers: h(admin) })).json()
      .items;
    const d = list.find((x: { name: string }) => x.name === 'site-sftp');
    const tested = await s.app.inject({
      method: 'POST',
      url: `/api/destinations/${d.id}/test`,
      headers: h(admin),
    });
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({
      ok: true,
      identity: { hostKeyFingerprint: sshd.hostKeyFingerprint, hostKeyTrustedOnFirstUse: true },
      destination: { hostKey: { fingerprint: sshd.hostKeyFingerprint, source: 'first-use' } },
    });
    const db = connectDatabase(s.database.url, s.services.config.dataDir);
    try {
      const audit = await sql<{
        action: string;
        details: unknown;
      }>`select action, details from audit_log`.execute(db.db);
      const recorded = audit.rows.filter((a) => a.action === 'destination.host_key_recorded');
      expect(recorded).toHaveLength(1);
      expect(JSON.stringify(recorded[0]!.details)).toContain(sshd.hostKeyFingerprint);
    } finally {
      await db.close();
    }

    const wrong = await createDestination({
      name: 'wrong-password',
      protocol: 'ftp',
      host: '127.0.0.1',
      port: ftp.port,
      username: ftp.username,
      password: 'not-the-password',
      basePath: base(),
    });
    const failed = await s.app.inject({
      method: 'POST',
      url: `/api/destinations/${wrong.id}/test`,
      headers: h(admin),
    });
    expect(failed.statusCode).toBe(502);
    expect(failed.json().error.code).toBe('DELIVERY_AUTH');
    const changed = await s.app.inject({
      method: 'PUT',
      url: `/api/destinations/${wrong.id}`,
      headers: h(admin),
      payload: { password: ftp.password, basePath: '/root/forbidden' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      hasPassword: true,
      basePath: '/root/forbidden',
      username: ftp.username,
    });
    const perm = await s.app.inject({
      method: 'POST',
      url: `/api/destinations/${wrong.id}/test`,
      headers: h(admin),
    });
    expect(perm.json().error.code).toBe('DELIVERY_PERMISSION');
    const operatorTest = await s.app.inject({
      method: 'POST',
      url: `/api/destinations/${wrong.id}/test`,
      headers: h(operator),
    });
    expect(operatorTest.statusCode).toBe(403);
    const removed = await s.app.inject({
      method: 'DELETE',
      url: `/api/destinations/${wrong.id}`,
      headers: h(admin),
    });
    expect(removed.statusCode).toBe(204);
  });

  it('a pack job that chose a destination queues its upload; the remote tree equals the release', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(operator),
      payload: { ...ebookConfig(sources.epub), destinations: ['site-sftp'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const pack = await finished(created.json().id);
    expect(pack.status, JSON.stringify(pack.error)).toBe('completed');
    const uploads = await until(
      () =>
        s.app
          .inject({ method: 'GET', url: '/api/jobs?type=upload', headers: h(operator) })
          .then((r) => r.json()),
      (r) => r.items.some((j: { parentJobId: string }) => j.parentJobId === pack.id),
    );
    const up = uploads.items.find((j: { parentJobId: string }) => j.parentJobId === pack.id);
    const done = await finished(up.id);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const remoteDir = join(base(), 'sftp', 'ebook', pack.result.releaseName);
    expect(done.result).toMatchObject({ remoteDir, destination: { name: 'site-sftp' }, attempts: 1 });
    await sameTree(join(s.services.config.releasesDir, pack.id, pack.result.releaseName), remoteDir);
    const metrics = await s.app.inject({ method: 'GET', url: '/metrics', headers: h(admin) });
    expect(metrics.statusCode).toBe(200);
    const uploaded = Number(/^relpack_uploaded_bytes_total (\d+)$/m.exec(metrics.body)?.[1]);
    expect(uploaded).toBe(done.result.bytesSent);
    expect(metrics.body).toMatch(/^relpack_jobs\{type="upload",status="completed"\} 1$/m);
    expect((await s.app.inject({ method: 'GET', url: '/metrics', headers: h(operator) })).statusCode).toBe(
      403,
    );
  });

  it('an upload on demand that fails mid-file is retried as a job and resumes from the remote size', async () => {
    const d = await createDestination({
      name: 'slow-ftp',
      protocol: 'ftp',
      host: '127.0.0.1',
      port: slowFtp.port,
      username: slowFtp.username,
      password: slowFtp.password,
      basePath: base(),
      pathTemplate: 'ftp/{{ release }}',
      retries: 0,
    });
    const packed = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(admin),
      payload: ebookConfig(sources.epub, 2),
    });
    const pack = await finished(packed.json().id);
    expect(pack.status).toBe('completed');
    const local = join(s.services.config.releasesDir, pack.id, pack.result.releaseName);
    const files = await listReleaseFiles(local);
    const firstZip = files.find((f) => f.path.endsWith('.zip'))!;
    const remoteDir = join(base(), 'ftp', pack.result.releaseName);
    const queued = await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${pack.id}/upload`,
      headers: h(admin),
      payload: { destinations: [d.id] },
    });
    expect(queued.statusCode, queued.body).toBe(201);
    const upId = queued.json().items[0].id;
    expect(queued.json().items[0]).toMatchObject({ type: 'upload', parentJobId: pack.id });
    // Drop every session once part of the first ZIP has arrived.
    await until(
      () =>
        stat(join(remoteDir, firstZip.path)).then(
          (x) => x.size,
          () => 0,
        ),
      (size) => size > 300_000,
      30_000,
    );
    killDescendants(slowFtp.pid);
    const failed = await finished(upId);
    expect(failed.status).toBe('failed');
    expect(failed.error.code).toBe('DELIVERY_NETWORK');
    const partial = (await stat(join(remoteDir, firstZip.path))).size;
    expect(partial).toBeLessThan(firstZip.size);

    const retried = await s.app.inject({ method: 'POST', url: `/api/jobs/${upId}/retry`, headers: h(admin) });
    expect(retried.statusCode, retried.body).toBe(200);
    const done = await finished(upId);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const zip = done.result.files.find((f: { path: string }) => f.path === firstZip.path);
    expect(zip.resumedFrom).toBe(partial);
    expect(zip.sentBytes).toBe(firstZip.size - partial);
    await sameTree(local, remoteDir);
    const logs = (
      await s.app.inject({ method: 'GET', url: `/api/jobs/${upId}/logs`, headers: h(admin) })
    ).json().items;
    expect(logs.some((l: { message: string }) => l.message.includes(`resuming at byte ${partial}`))).toBe(
      true,
    );
  }, 90_000);

  it('cancels a running upload job', async () => {
    const packed = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(admin),
      payload: { ...ebookConfig(sources.epub), group: 'CNCL' },
    });
    const pack = await finished(packed.json().id);
    const queued = await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${pack.id}/upload`,
      headers: h(admin),
      payload: { destinations: ['slow-ftp'] },
    });
    const id = queued.json().items[0].id;
    const running = await until(
      () => getJob(id),
      (j) => j.status === 'running' && j.progress?.phase === 'upload' && j.progress.bytesDone > 0,
    );
    expect(running.progress).toMatchObject({
      phase: 'upload',
      bytesTotal: expect.any(Number),
      currentFile: expect.any(String),
    });
    const cancel = await s.app.inject({ method: 'POST', url: `/api/jobs/${id}/cancel`, headers: h(admin) });
    expect(cancel.statusCode).toBe(200);
    expect((await finished(id)).status).toBe('cancelled');
  }, 60_000);

  it('the wizard delivery step checks destinations and its pack queues the upload', async () => {
    const step = (data: unknown) =>
      s.app.inject({
        method: 'POST',
        url: '/api/wizard/step/validate',
        headers: h(operator),
        payload: { step: 'delivery', data },
      });
    const ok = await step({ destinations: ['site-sftp'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().info.destinations).toEqual([
      expect.objectContaining({ name: 'site-sftp', protocol: 'sftp' }),
    ]);
    const unknown = await step({ destinations: ['nowhere'] });
    expect(unknown.json().ok).toBe(false);
    expect(JSON.stringify(unknown.json().errors)).toContain('DESTINATION_NOT_FOUND');
    const state = {
      type: { releaseType: 'ebook' },
      source: { kind: 'local', path: sources.epub },
      metadata: { meta: { source: 'RETAiL', edition: 'Wizard' } },
      naming: { group: 'GRP' },
      delivery: { destinations: ['site-sftp'] },
    };
    const packed = await s.app.inject({
      method: 'POST',
      url: '/api/wizard/pack',
      headers: h(operator),
      payload: state,
    });
    expect(packed.statusCode, packed.body).toBe(201);
    const pack = await finished(packed.json().id);
    expect(pack.status, JSON.stringify(pack.error)).toBe('completed');
    const children = await until(
      () =>
        s.app
          .inject({ method: 'GET', url: `/api/jobs?parent=${pack.id}`, headers: h(operator) })
          .then((r) => r.json()),
      (r) => r.items.length === 1,
    );
    const up = await finished(children.items[0].id);
    expect(up.status, JSON.stringify(up.error)).toBe('completed');
    expect(up.ownerId).toBe(pack.ownerId);
  });

  it('refuses to upload a job that is not a completed pack, and unknown destinations', async () => {
    const jobs = (
      await s.app.inject({ method: 'GET', url: '/api/jobs?type=upload', headers: h(admin) })
    ).json().items;
    const notPack = await s.app.inject({
      method: 'POST',
      url: `/api/jobs/${jobs[0].id}/upload`,
      headers: h(admin),
      payload: { destinations: ['site-sftp'] },
    });
    expect(notPack.json().error.code).toBe('JOB_INVALID_STATE');
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: h(admin),
      payload: { ...ebookConfig(sources.epub), destinations: ['nowhere'] },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DESTINATION_NOT_FOUND');
  });
});
