// npm run bench (part 3): uploads a 1 GiB release (20 files of ~51 MiB) to vsftpd and OpenSSH sshd on
// loopback and reports relpack's throughput as a ratio to the reference clients run in the same run:
//   relpack FTP  ÷ curl -T (all files, one connection)        (target ≥ 0.9)
//   relpack SFTP ÷ sftp -b (OpenSSH batch `put` of each file)   (target ≥ 0.9)
// Needs root, vsftpd, openssh-server, curl and sftp (the CI machine has them); medians of RUNS runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { connectRemote, listReleaseFiles, uploadRelease } from '../dist/delivery/index.js';
import { startSshd } from '../test/servers/sshd.js';
import { ensureTestUsers, userWritableDir } from '../test/servers/system-users.js';
import { startVsftpd } from '../test/servers/vsftpd.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(process.cwd(), '.bench-upload');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
process.env.RELPACK_TEST_TMP = dir;

const release = join(dir, 'Bench.Release-GRP');
mkdirSync(release);
const chunk = randomBytes(8 * 2 ** 20);
const files = 20;
const perFile = Math.ceil(2 ** 30 / files);
for (let i = 0; i < files; i++) {
  const fd = openSync(join(release, `bench.r${String(i).padStart(2, '0')}`), 'w');
  for (let written = 0; written < perFile; written += chunk.length)
    writeSync(fd, chunk, 0, Math.min(chunk.length, perFile - written));
  closeSync(fd);
}
const local = await listReleaseFiles(release);
const total = local.reduce((n, f) => n + f.size, 0);

const ids = ensureTestUsers();
const ftpRoot = await userWritableDir(join(dir, 'ftp-root'), ids.password);
const sftpRoot = await userWritableDir(join(dir, 'sftp-root'), ids.key);
const [ftp, sshd] = await Promise.all([
  startVsftpd({ dir: join(dir, 'ftp'), tls: false }),
  startSshd(join(dir, 'sshd')),
]);
const keyFile = join(dir, 'client_key');
writeFileSync(keyFile, sshd.keyUser.privateKey, { mode: 0o600 });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = async (fn: () => unknown) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const fresh = (root: string, name: string) => {
  rmSync(join(root, name), { recursive: true, force: true });
  return join(root, name);
};
const relpackUpload = (target: Parameters<typeof connectRemote>[0], remoteDir: string) =>
  uploadRelease({
    connect: () => connectRemote(target),
    localDir: release,
    files: local,
    remoteDir,
    host: '127.0.0.1',
    tempRename: false,
    verify: 'size',
    retries: 0,
    backoffMs: 100,
  });
const base = { host: '127.0.0.1', passive: true, tls: { verify: true }, timeoutMs: 30_000 } as const;
const ftpTarget = {
  ...base,
  protocol: 'ftp' as const,
  port: ftp.port,
  username: ftp.username,
  password: ftp.password,
  hostKey: {},
};
const sftpTarget = {
  ...base,
  protocol: 'sftp' as const,
  port: sshd.port,
  username: sshd.keyUser.username,
  privateKey: sshd.keyUser.privateKey,
  hostKey: { fingerprint: sshd.hostKeyFingerprint },
};

const r = { ftp: [] as number[], curl: [] as number[], sftp: [] as number[], openssh: [] as number[] };
try {
  for (let i = 0; i < RUNS; i++) {
    r.ftp.push(await seconds(() => relpackUpload(ftpTarget, fresh(ftpRoot, 'relpack'))));
    const curlDir = fresh(ftpRoot, 'curl');
    r.curl.push(
      await seconds(() =>
        execFileSync('curl', [
          '-sS',
          '--ftp-create-dirs',
          '-T',
          `{${local.map((f) => join(release, f.path)).join(',')}}`,
          // %2F: curl takes a URL path as relative to the login directory unless it starts at the root.
          `ftp://${ftp.username}:${ftp.password}@127.0.0.1:${ftp.port}/%2F${curlDir.slice(1)}/`,
        ]),
      ),
    );
    r.sftp.push(await seconds(() => relpackUpload(sftpTarget, fresh(sftpRoot, 'relpack'))));
    const sftpDir = fresh(sftpRoot, 'openssh');
    const batch = join(dir, 'batch');
    writeFileSync(
      batch,
      [`-mkdir ${sftpDir}`, ...local.map((f) => `put ${join(release, f.path)} ${sftpDir}/`)].join('\n'),
    );
    r.openssh.push(
      await seconds(() => {
        const run = spawnSync('sftp', [
          '-q',
          '-b',
          batch,
          '-i',
          keyFile,
          '-P',
          String(sshd.port),
          '-o',
          'StrictHostKeyChecking=no',
          '-o',
          'UserKnownHostsFile=/dev/null',
          `${sshd.keyUser.username}@127.0.0.1`,
        ]);
        if (run.status !== 0) throw new Error(`sftp failed: ${run.stderr}`);
      }),
    );
  }
} finally {
  await Promise.all([ftp.stop(), sshd.stop()]);
}
const mibs = (s: number) => (total / 2 ** 20 / s).toFixed(0);
const [ftpS, curlS, sftpS, opensshS] = [median(r.ftp), median(r.curl), median(r.sftp), median(r.openssh)];
console.log(`upload of a 1 GiB release (${files} files) over loopback, median of ${RUNS} runs`);
console.log(
  `  FTP   relpack ${ftpS.toFixed(2)} s (${mibs(ftpS)} MiB/s) | curl -T ${curlS.toFixed(2)} s (${mibs(curlS)} MiB/s)`,
);
console.log(`  ratio relpack / curl throughput  = ${(curlS / ftpS).toFixed(2)}  (target ≥ 0.90)`);
console.log(
  `  SFTP  relpack ${sftpS.toFixed(2)} s (${mibs(sftpS)} MiB/s) | sftp -b ${opensshS.toFixed(2)} s (${mibs(opensshS)} MiB/s)`,
);
console.log(`  ratio relpack / sftp throughput  = ${(opensshS / sftpS).toFixed(2)}  (target ≥ 0.90)`);
rmSync(dir, { recursive: true, force: true });
