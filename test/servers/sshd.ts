// OpenSSH's sshd with internal-sftp on a loopback high port, a generated host key, one account
// with a password and one with a key.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../helpers/net.js';
import { KEY_USER, PASSWORD_USER } from './system-users.js';
import { stopProcessTree, waitForPort } from './vsftpd.js';

export interface SftpServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** As `ssh-keygen -lf` prints it: `SHA256:…`. */
  readonly hostKeyFingerprint: string;
  readonly passwordUser: { readonly username: string; readonly password: string };
  readonly keyUser: { readonly username: string; readonly privateKey: string };
  readonly pid: number;
  stop(): Promise<void>;
}

function keygen(path: string): void {
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

export async function startSshd(dir: string): Promise<SftpServer> {
  await mkdir(join(dir, 'authorized'), { recursive: true });
  await mkdir('/run/sshd', { recursive: true });
  const hostKey = join(dir, 'host_ed25519');
  const userKey = join(dir, 'user_ed25519');
  keygen(hostKey);
  keygen(userKey);
  await writeFile(join(dir, 'authorized', KEY_USER.name), await readFile(`${userKey}.pub`));
  const fp = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`], { encoding: 'utf8' });
  const hostKeyFingerprint = /(SHA256:\S+)/.exec(fp.stdout)![1]!;
  const port = await freePort();
  const conf = join(dir, 'sshd_config');
  await writeFile(
    conf,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      'PidFile none',
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      `AuthorizedKeysFile ${join(dir, 'authorized')}/%u`,
      'StrictModes no',
      'Subsystem sftp internal-sftp',
      'ForceCommand internal-sftp',
      'AllowTcpForwarding no',
      'X11Forwarding no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  await waitForPort(port, child, () => stderr);
  return {
    host: '127.0.0.1',
    port,
    hostKeyFingerprint,
    passwordUser: { username: PASSWORD_USER.name, password: PASSWORD_USER.password },
    keyUser: { username: KEY_USER.name, privateKey: await readFile(userKey, 'utf8') },
    pid: child.pid!,
    stop: () => stopProcessTree(child),
  };
}
