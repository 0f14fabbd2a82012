// The built CLI delivers releases: `relpack destinations` to manage them, `relpack upload` of a
// directory (local mode) and of a pack job (server mode), and `relpack pack --upload`, against
// real vsftpd and sshd.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReleaseFiles } from '../src/delivery/index.js';
import { makeEpub } from './helpers/make-epub.js';
import { tempDir } from './helpers/readers.js';
import { spawnServe } from './helpers/serve-process.js';
import { type SftpServer, startSshd } from './servers/sshd.js';
import { canRunServers, ensureTestUsers, userWritableDir } from './servers/system-users.js';
import { type FtpServer, startVsftpd } from './servers/vsftpd.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));

describe.runIf(canRunServers())('relpack destinations, upload and pack --upload (built CLI)', () => {
  let work: string;
  let remote: string;
  let epub: string;
  let env: NodeJS.ProcessEnv;
  let ftp: FtpServer;
  let sshd: SftpServer;
  let server: ChildProcess;
  let url: string;
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...env, ...extra },
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    });
  const json = (args: string[], extra: NodeJS.ProcessEnv = {}, input?: string) => {
    const r = run([...args, '--json'], extra, input);
    if (r.status !== 0) throw new Error(`relpack ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const sameTree = async (local: string, remoteDir: string) => {
    const a = await listReleaseFiles(local);
    expect((await listReleaseFiles(remoteDir)).map((f) => f.path).sort()).toEqual(
      a.map((f) => f.path).sort(),
    );
    for (const f of a)
      expect((await readFile(join(remoteDir, f.path))).equals(await readFile(join(local, f.path)))).toBe(
        true,
      );
  };

  beforeAll(async () => {
    const ids = ensureTestUsers();
    work = await tempDir('cli-upload');
    remote = await userWritableDir(join(work, 'remote'), ids.password);
    [ftp, sshd] = await Promise.all([
      startVsftpd({ dir: join(work, 'ftp'), tls: false }),
      startSshd(join(work, 'sshd')),
    ]);
    const sources = join(work, 'src');
    await mkdir(sources, { recursive: true });
    epub = join(sources, 'book.epub');
    await makeEpub(epub, {
      title: 'Sent Book',
      author: 'Dee Livery',
      date: '2019-09-09',
      padding: 1_500_000,
    });
    env = {
      ...process.env,
      RELPACK_DATA_DIR: join(work, 'data'),
      RELPACK_CONFIG_DIR: join(work, 'config'),
      RELPACK_SOURCE_ROOTS: sources,
      RELPACK_ADMIN_PASSWORD: 'velvet-quarry-moth-27',
      LOG_LEVEL: 'warn',
      FTP_PASS: ftp.password,
    };
    ({ child: server, url } = await spawnServe(env));
  }, 60_000);
  afterAll(async () => {
    server?.kill('SIGTERM');
    if (server) await once(server, 'exit');
    await Promise.all([ftp?.stop(), sshd?.stop()]);
  });

  it('adds, shows, tests and changes destinations without ever printing a secret', () => {
    const added = json([
      'destinations',
      'add',
      'site-ftp',
      '--protocol',
      'ftp',
      '--host',
      '127.0.0.1',
      '--port',
      String(ftp.port),
      '--user',
      ftp.username,
      '--password-env',
      'FTP_PASS',
      '--base-path',
      remote,
      '--path-template',
      'ftp/{{ release }}',
    ]);
    expect(added).toMatchObject({ name: 'site-ftp', hasPassword: true, tempRename: false, port: ftp.port });
    const sftp = json(
      [
        'destinations',
        'add',
        'site-sftp',
        '--protocol',
        'sftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(sshd.port),
        '--user',
        sshd.passwordUser.username,
        '--password-stdin',
        '--base-path',
        remote,
        '--path-template',
        'sftp/{{ type }}/{{ release }}',
        '--host-key',
        sshd.hostKeyFingerprint,
        '--verify',
        'read-back',
      ],
      {},
      `${sshd.passwordUser.password}\n`,
    );
    expect(sftp).toMatchObject({ hasPassword: true, tempRename: true, verify: 'read-back' });
    expect(sftp.hostKey).toMatchObject({ fingerprint: sshd.hostKeyFingerprint, source: 'pinned' });
    const listed = run(['destinations', 'list']);
    expect(listed.stdout).toContain('site-ftp');
    expect(listed.stdout + run(['destinations', 'show', 'site-sftp']).stdout).not.toContain(
      sshd.passwordUser.password,
    );
    const tested = run(['destinations', 'test', 'site-sftp']);
    expect(tested.status, tested.stderr).toBe(0);
    expect(tested.stdout).toContain(`host key ${sshd.hostKeyFingerprint}`);
    const bad = run(['destinations', 'add', 'x', '--protocol', 'gopher', '--host', 'h', '--user', 'u']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('protocol');
    const renamed = json(['destinations', 'set', 'site-ftp', '--retries', '2', '--verify', 'size']);
    expect(renamed).toMatchObject({ retries: 2, verify: 'size', hasPassword: true });
    const wrong = json([
      'destinations',
      'add',
      'wrong',
      '--protocol',
      'ftp',
      '--host',
      '127.0.0.1',
      '--port',
      String(ftp.port),
      '--user',
      'nobody',
      '--password-env',
      'FTP_PASS',
      '--base-path',
      remote,
    ]);
    const failed = run(['destinations', 'test', wrong.id]);
    expect(failed.status).toBe(4);
    expect(failed.stderr).toContain('DELIVERY_AUTH');
    expect(run(['destinations', 'remove', 'wrong']).status).toBe(0);
  });

  it('packs and uploads in one command, then uploads a directory again and finds it complete', async () => {
    const out = join(work, 'out');
    const packed = json([
      'pack',
      'ebook',
      epub,
      '-g',
      'GRP',
      '-m',
      'source=RETAiL',
      '-o',
      out,
      '--upload',
      'site-sftp',
    ]);
    expect(packed.uploads).toHaveLength(1);
    expect(packed.uploads[0]).toMatchObject({
      status: 'completed',
      result: { destination: { name: 'site-sftp' } },
    });
    const releaseDir = packed.releaseDir;
    const remoteDir = join(remote, 'sftp', 'ebook', packed.releaseName);
    await sameTree(releaseDir, remoteDir);
    expect(
      packed.uploads[0].result.files.every((f: { verifiedBy: string }) => f.verifiedBy === 'read-back-crc32'),
    ).toBe(true);

    const again = run(['upload', releaseDir, '--to', 'site-sftp', '--to', 'site-ftp']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('already there');
    await sameTree(releaseDir, join(remote, 'ftp', packed.releaseName));
    const jobs = json(['jobs', 'list', '--type', 'upload']);
    expect(jobs.items.filter((j: { status: string }) => j.status === 'completed')).toHaveLength(3);
  });

  it('packs a URL source as a local job: download and upload progress on stderr, then the upload', async () => {
    const body = await readFile(epub);
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/epub+zip' });
      res.end(body);
    });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const port = (http.address() as { port: number }).port;
    try {
      // spawn, not spawnSync: the HTTP server above lives in this process.
      const child = spawn(
        process.execPath,
        [
          bin,
          'pack',
          'ebook',
          `http://127.0.0.1:${port}/book.epub`,
          '-g',
          'URL',
          '-m',
          'source=RETAiL',
          '--job',
          '--upload',
          'site-sftp',
        ],
        { env: { ...env, RELPACK_ALLOW_PRIVATE_URLS: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      const [code] = await once(child, 'exit');
      expect(code, stderr).toBe(0);
      // Plain progress lines (stderr is no terminal): percent, sizes, speed and ETA.
      expect(stderr).toMatch(
        /^downloading \d+% [\d.]+ [KMG]?i?B \/ 1\.4 MiB, [\d.]+ [KMG]?i?B\/s, ETA \S+$/m,
      );
      expect(stderr).toMatch(/^uploading \d+% [\d.]+ [KMG]?i?B \/ 1\.4 MiB, [\d.]+ [KMG]?i?B\/s, ETA \S+$/m);
      expect(stdout).toMatch(/^completed .*→ site-sftp/m);
      const plain = run(['pack', 'ebook', `http://127.0.0.1:${port}/book.epub`, '-g', 'URL']);
      expect(plain.status).toBe(2);
      expect(plain.stderr).toContain('--job');
    } finally {
      http.close();
    }
  });

  it('batch items upload their release; an item whose upload fails counts as failed (exit 6)', async () => {
    const bad = run(
      [
        'destinations',
        'add',
        'bad-ftp',
        '--protocol',
        'ftp',
        '--host',
        '127.0.0.1',
        '--port',
        String(ftp.port),
        '--user',
        ftp.username,
        '--password-env',
        'WRONG',
        '--base-path',
        remote,
        '--retries',
        '0',
      ],
      { WRONG: 'not-the-password' },
    );
    expect(bad.status, bad.stderr).toBe(0);
    const out = join(work, 'batch-out');
    const items = [
      { type: 'ebook', source: epub, group: 'BAT1', meta: { source: 'RETAiL' }, out, upload: ['site-sftp'] },
      { type: 'ebook', source: epub, group: 'BAT2', meta: { source: 'RETAiL' }, out, upload: ['bad-ftp'] },
    ];
    const r = run(['batch', '-', '--continue-on-error', '--json'], {}, JSON.stringify(items));
    expect(r.status, r.stderr).toBe(6);
    const doc = JSON.parse(r.stdout);
    expect(doc.items[0]).toMatchObject({
      status: 'completed',
      uploads: [{ status: 'completed', destination: 'site-sftp' }],
    });
    expect(doc.items[1]).toMatchObject({
      status: 'failed',
      error: { code: 'DELIVERY_AUTH' },
      uploads: [{ status: 'failed' }],
    });
    await sameTree(
      join(out, doc.items[0].releaseName),
      join(remote, 'sftp', 'ebook', doc.items[0].releaseName),
    );
    const bogus = run(['batch', '-'], {}, JSON.stringify([{ ...items[0], upload: 'site-sftp' }]));
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toContain('upload');
  });

  it('in server mode uploads the release of a pack job and reports failures with exit code 4', async () => {
    const login = run(
      ['login', '--server', url, '-u', 'admin', '--password-stdin'],
      {},
      'velvet-quarry-moth-27\n',
    );
    expect(login.status, login.stderr).toBe(0);
    const remoteEnv = { RELPACK_SERVER: url };
    // The server shares this machine's database, so it sees the destinations added above.
    const packed = json(
      [
        'pack',
        'ebook',
        epub,
        '-g',
        'GRP',
        '-m',
        'source=RETAiL',
        '-m',
        'edition=Second',
        '--upload',
        'site-ftp',
      ],
      remoteEnv,
    );
    expect(packed.job.status).toBe('completed');
    expect(packed.uploads[0]).toMatchObject({ status: 'completed' });
    await sameTree(
      join(env.RELPACK_DATA_DIR!, 'releases', packed.job.id, packed.job.result.releaseName),
      join(remote, 'ftp', packed.job.result.releaseName),
    );
    const up = json(['upload', packed.job.id, '--to', 'site-sftp'], remoteEnv);
    expect(up.jobs[0]).toMatchObject({
      status: 'completed',
      result: { remoteDir: join(remote, 'sftp', 'ebook', packed.job.result.releaseName) },
    });
    const dir = run(['upload', join(work, 'out'), '--to', 'site-ftp'], remoteEnv);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toContain('SOURCE_NOT_LOCAL');
    json(['destinations', 'set', 'site-ftp', '--base-path', '/root/forbidden'], remoteEnv);
    const denied = run(['upload', packed.job.id, '--to', 'site-ftp'], remoteEnv);
    expect(denied.status).toBe(4);
    expect(denied.stdout).toContain('DELIVERY_PERMISSION');
  });
});
