// ProFTPD with mod_digest, the FTP server that answers HASH and XCRC, so server-side CRC-32
// verification is tested against a real implementation. Debian's proftpd-core conflicts with
// vsftpd, so .ci/run unpacks it (dpkg -x) into PROFTPD_ROOT instead of installing it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../helpers/net.js';
import { isCI } from '../helpers/tools.js';
import { PASSWORD_USER } from './system-users.js';
import type { FtpServer } from './vsftpd.js';
import { stopProcessTree, waitForPort } from './vsftpd.js';

export const PROFTPD_ROOT = process.env.RELPACK_PROFTPD_ROOT ?? '/opt/relpack-proftpd';
const binary = join(PROFTPD_ROOT, 'usr/sbin/proftpd');

export function hasProftpd(): boolean {
  if (existsSync(binary) || isCI) return true;
  console.warn(
    `skipping the FTP checksum tests: no ${binary} (apt-get download proftpd-core && dpkg -x proftpd-core_*.deb ${PROFTPD_ROOT})`,
  );
  return false;
}

export async function startProftpd(dir: string): Promise<FtpServer> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const pasvMin = 30000 + Math.floor(Math.random() * 30000);
  const conf = join(dir, 'proftpd.conf');
  await writeFile(
    conf,
    [
      'ServerType standalone',
      `Port ${port}`,
      'DefaultAddress 127.0.0.1',
      'SocketBindTight on',
      `PidFile ${join(dir, 'proftpd.pid')}`,
      `ScoreboardFile ${join(dir, 'scoreboard')}`,
      'DelayTable none',
      'WtmpLog off',
      'UseIPv6 off',
      'User nobody',
      'Group nogroup',
      `ModulePath ${join(PROFTPD_ROOT, 'usr/lib/proftpd')}`,
      'ModuleControlsACLs insmod,rmmod allow user root',
      'LoadModule mod_digest.c',
      'AuthOrder mod_auth_unix.c',
      'RequireValidShell off',
      'AllowOverwrite on',
      'AllowStoreRestart on',
      `PassivePorts ${pasvMin} ${pasvMin + 40}`,
      'TransferLog none',
      `SystemLog ${join(dir, 'system.log')}`,
      'DigestEngine on',
      'DigestAlgorithms crc32 md5 sha1 sha256',
      // Its cache keys on path and mtime (seconds): a file rewritten within a second would answer stale.
      'DigestCache off',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-n', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  await waitForPort(port, child, () => stderr);
  return {
    host: '127.0.0.1',
    port,
    username: PASSWORD_USER.name,
    password: PASSWORD_USER.password,
    certFingerprint: '',
    pid: child.pid!,
    stop: () => stopProcessTree(child),
  };
}
