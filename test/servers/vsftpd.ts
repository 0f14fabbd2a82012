// vsftpd on a loopback high port: plain FTP and explicit FTPS (self-signed certificate, with
// require_ssl_reuse as real sites set it), started by the tests and stopped afterwards.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../helpers/net.js';
import { PASSWORD_USER } from './system-users.js';

export interface FtpServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly username: string;
  readonly password: string;
  /** SHA-256 of the server certificate, `AA:BB:…`. */
  readonly certFingerprint: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface FtpServerOptions {
  /** Working directory for config, certificate and logs. */
  readonly dir: string;
  readonly tls: boolean;
  /** Bytes per second per transfer (vsftpd's local_max_rate); 0 = unlimited. */
  readonly maxRate?: number;
}

export async function startVsftpd(options: FtpServerOptions): Promise<FtpServer> {
  await mkdir(options.dir, { recursive: true });
  await mkdir('/var/run/vsftpd/empty', { recursive: true });
  const cert = join(options.dir, 'cert.pem');
  const key = join(options.dir, 'key.pem');
  const gen = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/CN=relpack-test',
    '-addext',
    'subjectAltName=DNS:relpack-test',
  ]);
  if (gen.status !== 0) throw new Error(`openssl failed: ${gen.stderr}`);
  const certFingerprint = new X509Certificate(await readFile(cert)).fingerprint256;
  const port = await freePort();
  const pasvMin = 30000 + Math.floor(Math.random() * 30000);
  const conf = join(options.dir, 'vsftpd.conf');
  const lines = [
    'listen=YES',
    'listen_address=127.0.0.1',
    `listen_port=${port}`,
    'background=NO',
    'anonymous_enable=NO',
    'local_enable=YES',
    'write_enable=YES',
    'local_umask=022',
    'pasv_enable=YES',
    `pasv_min_port=${pasvMin}`,
    `pasv_max_port=${pasvMin + 40}`,
    // Containers forbid the namespaces and seccomp filters vsftpd would set up.
    'seccomp_sandbox=NO',
    'isolate=NO',
    'isolate_network=NO',
    'pam_service_name=vsftpd',
    'secure_chroot_dir=/var/run/vsftpd/empty',
    `vsftpd_log_file=${join(options.dir, 'vsftpd.log')}`,
    `local_max_rate=${options.maxRate ?? 0}`,
    ...(options.tls
      ? [
          'ssl_enable=YES',
          `rsa_cert_file=${cert}`,
          `rsa_private_key_file=${key}`,
          'require_ssl_reuse=YES',
          'force_local_logins_ssl=YES',
          'force_local_data_ssl=YES',
        ]
      : ['ssl_enable=NO']),
  ];
  await writeFile(conf, `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn('/usr/sbin/vsftpd', [conf], { stdio: ['ignore', 'ignore', 'pipe'] });
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
    certFingerprint,
    pid: child.pid!,
    stop: () => stopProcessTree(child),
  };
}

export async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const { createConnection } = await import('node:net');
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not listen on ${port}: ${stderr()}`);
}

export async function stopProcessTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const { killDescendants } = await import('./system-users.js');
  killDescendants(child.pid!);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
