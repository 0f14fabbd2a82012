// Uploads against real servers: vsftpd (FTP, FTPS) and OpenSSH (SFTP) on loopback high ports.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRemote,
  listReleaseFiles,
  probeDestination,
  type RemoteTarget,
  uploadRelease,
} from '../../src/delivery/index.js';
import { tempDir } from '../helpers/readers.js';
import { hasProftpd, startProftpd } from '../servers/proftpd.js';
import { type SftpServer, startSshd } from '../servers/sshd.js';
import { canRunServers, ensureTestUsers, killDescendants, userWritableDir } from '../servers/system-users.js';
import { startTcpProxy } from '../servers/tcp-proxy.js';
import { type FtpServer, startVsftpd } from '../servers/vsftpd.js';

const run = canRunServers();

/** A release-shaped directory: SFV, NFO, RAR4 volumes and a Sample/ subdirectory. */
async function makeRelease(dir: string, volumeBytes = 700_000): Promise<string> {
  const rel = join(dir, 'Show.S01E01.720p.HDTV.x264-GRP');
  await mkdir(join(rel, 'Sample'), { recursive: true });
  await writeFile(join(rel, 'show.sfv'), '; sfv\r\nshow.rar 00000000\r\n');
  await writeFile(join(rel, 'show.nfo'), 'nfo\r\n');
  for (const name of ['show.rar', 'show.r00', 'show.r01', 'show.r02']) {
    await writeFile(join(rel, name), randomBytes(volumeBytes));
  }
  await writeFile(join(rel, 'show.r03'), randomBytes(12_345));
  await writeFile(join(rel, 'Sample', 'show-sample.mkv'), randomBytes(300_000));
  return rel;
}

async function sameTree(local: string, remote: string): Promise<void> {
  const a = await listReleaseFiles(local);
  const b = await listReleaseFiles(remote);
  expect(b.map((f) => f.path).sort()).toEqual(a.map((f) => f.path).sort());
  for (const f of a) {
    expect((await readFile(join(remote, f.path))).equals(await readFile(join(local, f.path))), f.path).toBe(
      true,
    );
  }
}

const base = (
  over: Partial<RemoteTarget> & Pick<RemoteTarget, 'protocol' | 'port' | 'username'>,
): RemoteTarget => ({
  host: '127.0.0.1',
  passive: true,
  tls: { verify: true },
  hostKey: {},
  timeoutMs: 10_000,
  ...over,
});

describe.runIf(run)('delivery to real servers', () => {
  let work: string;
  let root: string;
  let ftp: FtpServer;
  let ftps: FtpServer;
  let slowFtp: FtpServer;
  let sshd: SftpServer;
  let proftpd: FtpServer | null = null;
  let release: string;
  let ids: ReturnType<typeof ensureTestUsers>;

  beforeAll(async () => {
    ids = ensureTestUsers();
    work = await tempDir('delivery');
    root = await userWritableDir(join(work, 'remote'), ids.password);
    [ftp, ftps, slowFtp, sshd] = await Promise.all([
      startVsftpd({ dir: join(work, 'ftp'), tls: false }),
      startVsftpd({ dir: join(work, 'ftps'), tls: true }),
      startVsftpd({ dir: join(work, 'ftp-slow'), tls: false, maxRate: 1_000_000 }),
      startSshd(join(work, 'sshd')),
    ]);
    if (hasProftpd()) proftpd = await startProftpd(join(work, 'proftpd'));
    release = await makeRelease(work);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([ftp?.stop(), ftps?.stop(), slowFtp?.stop(), sshd?.stop(), proftpd?.stop()]);
  });

  const ftpTarget = () =>
    base({ protocol: 'ftp', port: ftp.port, username: ftp.username, password: ftp.password });
  const sftpTarget = (over: Partial<RemoteTarget> = {}) =>
    base({
      protocol: 'sftp',
      port: sshd.port,
      username: sshd.passwordUser.username,
      password: sshd.passwordUser.password,
      hostKey: { fingerprint: sshd.hostKeyFingerprint },
      ...over,
    });

  const upload = async (
    target: RemoteTarget,
    remoteDir: string,
    extra: Partial<Parameters<typeof uploadRelease>[0]> = {},
  ) =>
    uploadRelease({
      connect: () => connectRemote(target),
      localDir: release,
      files: await listReleaseFiles(release),
      remoteDir,
      host: target.host,
      tempRename: false,
      verify: 'auto',
      retries: 0,
      backoffMs: 50,
      ...extra,
    });

  it('uploads a whole release over FTP in the order sites expect, and the remote tree is identical', async () => {
    const remoteDir = join(root, 'ftp', 'Show.S01E01.720p.HDTV.x264-GRP');
    const progress: number[] = [];
    const result = await upload(ftpTarget(), remoteDir, { onProgress: (p) => progress.push(p.bytesDone) });
    await sameTree(release, remoteDir);
    expect(result.files.map((f) => f.path)).toEqual([
      'show.sfv',
      'show.nfo',
      'show.rar',
      'show.r00',
      'show.r01',
      'show.r02',
      'show.r03',
      'Sample/show-sample.mkv',
    ]);
    expect(result.files.every((f) => !f.skipped && f.verifiedBy === 'size')).toBe(true);
    expect(progress.at(-1)).toBe(result.files.reduce((n, f) => n + f.size, 0));
    // Three connections at once give the same tree.
    const parallelDir = join(root, 'ftp-parallel', 'rel');
    const parallel = await upload(ftpTarget(), parallelDir, { concurrency: 3 });
    expect(parallel.bytesSent).toBe(result.bytesSent);
    await sameTree(release, parallelDir);
    // A second run finds everything there and sends nothing.
    const again = await upload(ftpTarget(), remoteDir);
    expect(again.bytesSent).toBe(0);
    expect(again.files.every((f) => f.skipped)).toBe(true);
  });

  it('FTPS: a self-signed certificate is refused by default, accepted when pinned or explicitly allowed', async () => {
    const t = base({ protocol: 'ftps', port: ftps.port, username: ftps.username, password: ftps.password });
    await expect(connectRemote(t)).rejects.toMatchObject({ code: 'DELIVERY_TLS' });
    await expect(
      connectRemote({ ...t, tls: { verify: true, fingerprint: 'AA:BB:CC' } }),
    ).rejects.toMatchObject({
      code: 'DELIVERY_TLS',
      details: { seen: ftps.certFingerprint },
    });
    const pinned = { ...t, tls: { verify: true, fingerprint: ftps.certFingerprint.toLowerCase() } };
    const remoteDir = join(root, 'ftps', 'rel');
    await upload(pinned, remoteDir, { verify: 'read-back' });
    await sameTree(release, remoteDir);
    const probe = await probeDestination(
      { ...t, tls: { verify: false, acceptSelfSigned: true } },
      join(root, 'ftps'),
    );
    expect(probe.identity.certificateFingerprint).toBe(ftps.certFingerprint);
  });

  it('SFTP with a password and with a key, pinned host key, read-back verification', async () => {
    const byPassword = join(root, 'sftp-pass', 'rel');
    const r = await upload(sftpTarget(), byPassword, { verify: 'read-back', tempRename: true });
    await sameTree(release, byPassword);
    expect(r.files.every((f) => f.verifiedBy === 'read-back-crc32')).toBe(true);
    const keyRoot = await userWritableDir(join(work, 'remote-key'), ids.key);
    await upload(
      sftpTarget({
        username: sshd.keyUser.username,
        password: undefined,
        privateKey: sshd.keyUser.privateKey,
      }),
      join(keyRoot, 'rel'),
    );
    await sameTree(release, join(keyRoot, 'rel'));
  });

  it('SFTP host keys: a wrong pin and an unknown key are refused; trust on first use reports the key', async () => {
    await expect(
      connectRemote(
        sftpTarget({ hostKey: { fingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }),
      ),
    ).rejects.toMatchObject({ code: 'DELIVERY_HOST_KEY', details: { seen: sshd.hostKeyFingerprint } });
    await expect(connectRemote(sftpTarget({ hostKey: {} }))).rejects.toMatchObject({
      code: 'DELIVERY_HOST_KEY',
    });
    const client = await connectRemote(sftpTarget({ hostKey: { trustOnFirstUse: true } }));
    expect(client.identity).toEqual({
      hostKeyFingerprint: sshd.hostKeyFingerprint,
      hostKeyTrustedOnFirstUse: true,
    });
    await client.close();
  });

  it('a wrong password and an unwritable path fail fast with their own codes', async () => {
    await expect(connectRemote({ ...ftpTarget(), password: 'nope' })).rejects.toMatchObject({
      code: 'DELIVERY_AUTH',
      details: { transient: false },
    });
    await expect(connectRemote(sftpTarget({ password: 'nope' }))).rejects.toMatchObject({
      code: 'DELIVERY_AUTH',
    });
    const locked = join(work, 'locked');
    await mkdir(locked, { mode: 0o755 });
    await expect(upload(ftpTarget(), join(locked, 'rel'), { retries: 3 })).rejects.toMatchObject({
      code: 'DELIVERY_PERMISSION',
    });
    await expect(probeDestination(sftpTarget(), locked)).rejects.toMatchObject({
      code: 'DELIVERY_PERMISSION',
    });
    await expect(connectRemote({ ...ftpTarget(), port: 1 })).rejects.toMatchObject({
      code: 'DELIVERY_REFUSED',
    });
    await expect(connectRemote({ ...ftpTarget(), host: 'no-such-host.invalid' })).rejects.toMatchObject({
      code: 'DELIVERY_DNS',
    });
  });

  it('FTP: a transfer killed mid-file resumes from the remote size on the next attempt', async () => {
    const remoteDir = join(root, 'ftp-resume', 'rel');
    const target = base({
      protocol: 'ftp',
      port: slowFtp.port,
      username: slowFtp.username,
      password: slowFtp.password,
    });
    const first = join(remoteDir, 'show.rar');
    // The server sends 1 MB/s: stop its session processes once part of the first volume arrived.
    const killer = setInterval(async () => {
      const s = await stat(first).catch(() => null);
      if (s && s.size > 200_000) {
        clearInterval(killer);
        killDescendants(slowFtp.pid);
      }
    }, 20);
    await expect(upload(target, remoteDir)).rejects.toMatchObject({ code: 'DELIVERY_NETWORK' });
    clearInterval(killer);
    const partial = (await stat(first)).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(700_000);
    const resumed = await upload(target, remoteDir);
    const rar = resumed.files.find((f) => f.path === 'show.rar')!;
    expect(rar.resumedFrom).toBe(partial);
    expect(rar.sentBytes).toBe(700_000 - partial);
    expect(
      resumed.files
        .filter((f) => f.path.startsWith('show.s') || f.path.endsWith('.nfo'))
        .every((f) => f.skipped),
    ).toBe(true);
    await sameTree(release, remoteDir);
  }, 60_000);

  it('SFTP: a connection dropped mid-file is retried in the same run and continues near the remote offset', async () => {
    // Big enough that the resume point (remote size minus the requests that were in flight) is > 0.
    const big = join(work, 'big-release');
    await mkdir(big, { recursive: true });
    await writeFile(join(big, 'big.sfv'), 'big.rar 00000000\r\n');
    await writeFile(join(big, 'big.rar'), randomBytes(24_000_000));
    const proxy = await startTcpProxy(sshd.port, 8_000_000);
    const remoteDir = join(root, 'sftp-resume', 'rel');
    const first = join(remoteDir, 'big.rar');
    let cut = false;
    const cutter = setInterval(async () => {
      const s = await stat(first).catch(() => null);
      if (!cut && s && s.size > 12_000_000) {
        cut = true;
        proxy.cut();
        proxy.rate = 0;
      }
    }, 10);
    const logs: string[] = [];
    try {
      const target = sftpTarget({ port: proxy.port });
      const result = await uploadRelease({
        connect: () => connectRemote(target),
        localDir: big,
        files: await listReleaseFiles(big),
        remoteDir,
        host: '127.0.0.1',
        tempRename: false,
        verify: 'read-back',
        retries: 3,
        backoffMs: 50,
        log: (m) => logs.push(m),
      });
      expect(cut).toBe(true);
      expect(result.attempts).toBe(2);
      const rar = result.files.find((f) => f.path === 'big.rar')!;
      expect(rar.resumedFrom).toBeGreaterThan(0);
      expect(rar.sentBytes).toBeLessThan(rar.size);
      expect(rar.verifiedBy).toBe('read-back-crc32');
      expect(logs.some((l) => l.includes('resuming at byte'))).toBe(true);
      await sameTree(big, remoteDir);
    } finally {
      clearInterval(cutter);
      await proxy.close();
    }
  }, 60_000);

  it('a file an earlier, dead session goes on appending to is removed and sent again whole', async () => {
    const remoteDir = join(root, 'ftp-stale-writer', 'rel');
    const victim = join(remoteDir, 'show.r00');
    const logs: string[] = [];
    let appended = false;
    const result = await upload(ftpTarget(), remoteDir, {
      log: (m) => logs.push(m),
      // The server's copy of show.r00 gets the bytes a killed session still had in flight, just
      // after our upload of it ends (as vsftpd does while it drains a dead client's socket).
      connect: async () => {
        const client = await connectRemote(ftpTarget());
        const send = client.upload.bind(client);
        client.upload = async (source, path, offset, onBytes) => {
          await send(source, path, offset, onBytes);
          if (!appended && path.endsWith('show.r00')) {
            appended = true;
            await appendFile(victim, randomBytes(65_536));
          }
        };
        return client;
      },
    });
    expect(appended).toBe(true);
    const r00 = result.files.find((f) => f.path === 'show.r00')!;
    expect(r00.sentBytes).toBe(2 * r00.size);
    expect(logs.some((l) => l.includes('an earlier session was still writing to it'))).toBe(true);
    await sameTree(release, remoteDir);
  });

  it('a remote file with the right size but wrong content is found by read-back and uploaded again', async () => {
    const remoteDir = join(root, 'sftp-tamper', 'rel');
    await upload(sftpTarget(), remoteDir);
    const victim = join(remoteDir, 'show.r01');
    const bytes = await readFile(victim);
    bytes[1234] = bytes[1234]! ^ 0xff;
    await writeFile(victim, bytes);
    const bySize = await upload(sftpTarget(), remoteDir, { verify: 'size' });
    expect(bySize.files.find((f) => f.path === 'show.r01')!.skipped).toBe(true);
    const byContent = await upload(sftpTarget(), remoteDir, { verify: 'read-back' });
    const redone = byContent.files.find((f) => f.path === 'show.r01')!;
    expect(redone.skipped).toBe(false);
    expect(redone.sentBytes).toBe(redone.size);
    expect(byContent.files.filter((f) => f.skipped)).toHaveLength(byContent.files.length - 1);
    await sameTree(release, remoteDir);
  });

  it.runIf(hasProftpd())(
    'FTP with HASH/XCRC (ProFTPD mod_digest): files verified by the server CRC-32, a changed one found and sent again',
    async () => {
      const p = proftpd!;
      const target = base({ protocol: 'ftp', port: p.port, username: p.username, password: p.password });
      const remoteDir = join(root, 'proftpd', 'rel');
      const first = await upload(target, remoteDir);
      expect(first.files.every((f) => f.verifiedBy === 'server-crc32')).toBe(true);
      await sameTree(release, remoteDir);
      const victim = join(remoteDir, 'show.r02');
      const bytes = await readFile(victim);
      bytes[99] = bytes[99]! ^ 0x01;
      await writeFile(victim, bytes);
      const again = await upload(target, remoteDir);
      const redone = again.files.find((f) => f.path === 'show.r02')!;
      expect(redone).toMatchObject({ skipped: false, sentBytes: redone.size, verifiedBy: 'server-crc32' });
      expect(again.files.filter((f) => f.skipped)).toHaveLength(again.files.length - 1);
      await sameTree(release, remoteDir);
    },
  );
});
