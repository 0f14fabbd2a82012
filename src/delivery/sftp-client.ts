import type { Readable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { classified, classifyDeliveryError, deliveryError } from './delivery-error.js';
import { sameFingerprint, sshKeyFingerprint } from './fingerprints.js';
import type { RemoteClient } from './remote-client.js';
import type { RemoteTarget, ServerIdentity } from './remote-target.js';
import { sftpPipelinedRead, sftpPipelinedWrite, sftpResumeWindow } from './sftp-pipeline.js';

/**
 * SFTP with ssh2-sftp-client. The host key is checked before authentication: a pinned
 * fingerprint must match; with none pinned the key is refused unless trust on first use is on,
 * in which case the caller records the fingerprint it reports.
 */
export async function connectSftp(target: RemoteTarget): Promise<RemoteClient> {
  const client = new SftpClient('relpack');
  let seen: string | null = null;
  const pinned = target.hostKey.fingerprint ?? null;
  try {
    await client.connect({
      host: target.host,
      port: target.port,
      username: target.username,
      ...(target.password ? { password: target.password } : {}),
      ...(target.privateKey ? { privateKey: target.privateKey } : {}),
      ...(target.passphrase ? { passphrase: target.passphrase } : {}),
      readyTimeout: target.timeoutMs,
      keepaliveInterval: Math.max(1000, Math.floor(target.timeoutMs / 3)),
      keepaliveCountMax: 3,
      // Only what we offer is tried: no agent, no keyboard-interactive prompts.
      tryKeyboard: false,
      hostVerifier: (key: Buffer) => {
        seen = sshKeyFingerprint(key);
        if (pinned) return sameFingerprint(pinned, seen);
        return target.hostKey.trustOnFirstUse === true;
      },
    });
  } catch (error) {
    await client.end().catch(() => undefined);
    if (seen && (pinned ? !sameFingerprint(pinned, seen) : !target.hostKey.trustOnFirstUse)) {
      throw deliveryError(
        'DELIVERY_HOST_KEY',
        target.host,
        pinned
          ? `The host key ${seen} does not match the pinned ${pinned}`
          : `The host key ${seen} is not trusted yet`,
        { transient: false, seen, expected: pinned },
      );
    }
    throw classifyDeliveryError(error, target.host, 'Connecting');
  }
  const identity: ServerIdentity = {
    ...(seen ? { hostKeyFingerprint: seen } : {}),
    hostKeyTrustedOnFirstUse: !pinned,
  };
  return new SftpRemoteClient(client, target.host, identity);
}

class SftpRemoteClient implements RemoteClient {
  constructor(
    private readonly client: SftpClient,
    private readonly host: string,
    readonly identity: ServerIdentity,
  ) {}

  private run<T>(doing: string, op: () => Promise<T>): Promise<T> {
    return classified(this.host, doing, op);
  }

  ensureDir(path: string): Promise<void> {
    return this.run(`Creating ${path}`, async () => {
      if ((await this.client.exists(path)) !== 'd') await this.client.mkdir(path, true);
    });
  }

  async size(path: string): Promise<number | null> {
    try {
      return (await this.client.stat(path)).size;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT' || (error as { code?: unknown }).code === 2)
        return null;
      throw classifyDeliveryError(error, this.host, `Reading the size of ${path}`);
    }
  }

  private get sftp(): SFTPWrapper {
    const sftp = (this.client as unknown as { sftp?: SFTPWrapper }).sftp;
    if (!sftp) throw deliveryError('DELIVERY_NETWORK', this.host, 'The SFTP session is closed');
    return sftp;
  }

  resumeFrom(remoteSize: number): number {
    return Math.max(
      0,
      remoteSize - sftpResumeWindow((this.client as unknown as { sftp?: SFTPWrapper }).sftp),
    );
  }

  upload(source: Readable, path: string, offset: number, onBytes?: (n: number) => void): Promise<void> {
    // Our own pipelined writer over ssh2's file handle: a stream with explicit offsets (so a partial
    // file continues where it stopped), fast like fastPut but without its whole-file, no-resume model.
    return this.run(`Uploading ${path}`, () => sftpPipelinedWrite(this.sftp, path, source, offset, onBytes));
  }

  async serverCrc32(): Promise<number | null> {
    // OpenSSH has no check-file extension and ssh2 exposes none: read-back is the way to a CRC.
    return null;
  }

  readBack(path: string, onData: (chunk: Buffer) => void): Promise<void> {
    return this.run(`Reading back ${path}`, () => sftpPipelinedRead(this.sftp, path, onData));
  }

  rename(from: string, to: string): Promise<void> {
    return this.run(`Renaming ${from}`, async () => {
      await this.client.rename(from, to);
    });
  }

  remove(path: string): Promise<void> {
    return this.run(`Removing ${path}`, async () => {
      await this.client.delete(path, true);
    });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
