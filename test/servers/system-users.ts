// Real FTP and SSH servers authenticate real system accounts: the tests create two (root only).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hasTool, isCI } from '../helpers/tools.js';

export const PASSWORD_USER = { name: 'relpacktest', password: 'Relpack-test-pass-1' } as const;
export const KEY_USER = { name: 'relpacktestkey' } as const;
const TEST_HOME = '/var/lib/relpack-test-home';

function run(cmd: string, args: string[], input?: string): void {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

function userIds(name: string): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Creates the test accounts if missing (shell /bin/sh: vsftpd's PAM stack wants a listed shell). */
export function ensureTestUsers(): {
  password: { uid: number; gid: number };
  key: { uid: number; gid: number };
} {
  // vsftpd refuses a login whose home directory it cannot enter ("500 OOPS: cannot change
  // directory"), so the accounts get a real, empty home, kept root-owned so nothing lands there.
  mkdirSync(TEST_HOME, { recursive: true, mode: 0o755 });
  for (const name of [PASSWORD_USER.name, KEY_USER.name]) {
    if (!userIds(name))
      run('useradd', ['--no-create-home', '--home-dir', TEST_HOME, '--shell', '/bin/sh', name]);
    else run('usermod', ['--home', TEST_HOME, name]);
  }
  run('chpasswd', [], `${PASSWORD_USER.name}:${PASSWORD_USER.password}\n`);
  // `!` (locked) would make sshd refuse even the key; `*` means "no password, not locked".
  run('usermod', ['-p', '*', KEY_USER.name]);
  return { password: userIds(PASSWORD_USER.name)!, key: userIds(KEY_USER.name)! };
}

/**
 * Whether the delivery suites can run: they need root (to create accounts and start the daemons)
 * and Debian's vsftpd and openssh-server. Locally a missing piece skips with a message; under
 * CI=true the suites always run, so a missing piece fails loudly.
 */
export function canRunServers(): boolean {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root');
  if (!hasTool('vsftpd') && !hasTool('/usr/sbin/vsftpd')) missing.push('vsftpd');
  if (!hasTool('/usr/sbin/sshd')) missing.push('sshd');
  if (!hasTool('ssh-keygen')) missing.push('ssh-keygen');
  if (!hasTool('openssl')) missing.push('openssl');
  if (missing.length === 0 || isCI) return true;
  console.warn(
    `skipping FTP/SFTP delivery tests: missing ${missing.join(', ')} (run as root after apt-get install vsftpd openssh-server openssl)`,
  );
  return false;
}

/** A directory the test account owns, below parents every account may traverse. */
export async function userWritableDir(path: string, owner: { uid: number; gid: number }): Promise<string> {
  await mkdir(path, { recursive: true });
  for (
    let p = dirname(path);
    p !== '/' && p.startsWith(process.env.RELPACK_TEST_TMP ?? '/tmp/');
    p = dirname(p)
  ) {
    await chmod(p, 0o755);
  }
  await chmod(dirname(path), 0o755);
  await chown(path, owner.uid, owner.gid);
  return path;
}

/** Kills every process below `pid` (the per-connection children of a daemon), not the daemon. */
export function killDescendants(pid: number): number {
  const r = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  const children = r.stdout.split('\n').filter(Boolean).map(Number);
  let n = 0;
  for (const child of children) {
    n += killDescendants(child);
    try {
      process.kill(child, 'SIGKILL');
      n++;
    } catch {}
  }
  return n;
}
