import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { Client, FTPError } from 'basic-ftp';
import { classified, classifyDeliveryError, deliveryError } from './delivery-error.js';
import { sameFingerprint } from './fingerprints.js';
import type { RemoteClient } from './remote-client.js';
import type { RemoteTarget, ServerIdentity } from './remote-target.js';

/**
 * FTP and explicit FTPS (AUTH TLS) with basic-ftp. The login happens only after the certificate
 * check passed, so a password never goes to a server we do not trust.
 */
export async function connectFtp(target: RemoteTarget): Promise<RemoteClient> {
  const client = new Client(target.timeoutMs);
  let identity: ServerIdentity = {};
  try {
    await client.connect(target.host, target.port);
    if (target.protocol === 'ftps') {
      const pinned = target.tls.fingerprint ?? null;
      const verify = target.tls.verify && !pinned && !target.tls.acceptSelfSigned;
      await client.useTLS({ servername: target.host, rejectUnauthorized: verify });
      const cert: PeerCertificate = (client.ftp.socket as TLSSocket).getPeerCertificate();
      identity = { certificateFingerprint: cert.fingerprint256 };
      if (pinned && !sameFingerprint(pinned, cert.fingerprint256)) {
        throw deliveryError(
          'DELIVERY_TLS',
          target.host,
          'The certificate does not match the pinned fingerprint',
          {
            transient: false,
            expected: pinned,
            seen: cert.fingerprint256,
          },
        );
      }
    }
    await client.login(target.username, target.password ?? '');
    await client.useDefaultSettings();
  } catch (error) {
    client.close();
    throw classifyDeliveryError(error, target.host, 'Connecting');
  }
  return new FtpRemoteClient(client, target.host, identity);
}

class FtpRemoteClient implements RemoteClient {
  private features: Map<string, string> | null = null;

  constructor(
    private readonly client: Client,
    private readonly host: string,
    readonly identity: ServerIdentity,
  ) {}

  private run<T>(doing: string, op: () => Promise<T>): Promise<T> {
    return classified(this.host, doing, op);
  }

  ensureDir(path: string): Promise<void> {
    return this.run(`Creating ${path}`, () => this.client.ensureDir(path));
  }

  async size(path: string): Promise<number | null> {
    try {
      return await this.client.size(path);
    } catch (error) {
      if (error instanceof FTPError && error.code === 550) return null;
      throw classifyDeliveryError(error, this.host, `Reading the size of ${path}`);
    }
  }

  resumeFrom(remoteSize: number): number {
    // One data connection, written in order: everything the server holds is good.
    return remoteSize;
  }

  upload(source: Readable, path: string, offset: number, onBytes?: (n: number) => void): Promise<void> {
    return this.run(`Uploading ${path}`, async () => {
      let reported = 0;
      if (onBytes) {
        this.client.trackProgress((info) => {
          onBytes(info.bytes - reported);
          reported = info.bytes;
        });
      }
      try {
        // APPE continues the partial file; servers that refuse APPE also refuse resuming at all.
        if (offset > 0) await this.client.appendFrom(source, path);
        else await this.client.uploadFrom(source, path);
      } finally {
        if (onBytes) this.client.trackProgress();
      }
    });
  }

  async serverCrc32(path: string): Promise<number | null> {
    if (!this.features) this.features = await this.run('FEAT', () => this.client.features());
    const hash = this.features.get('HASH');
    if (hash !== undefined && /CRC32/i.test(hash)) {
      await this.run('Choosing CRC32', () => this.client.send('OPTS HASH CRC32'));
      return parseHashReply((await this.run(`HASH ${path}`, () => this.client.send(`HASH ${path}`))).message);
    }
    if (this.features.has('XCRC')) {
      return parseXcrcReply((await this.run(`XCRC ${path}`, () => this.client.send(`XCRC ${path}`))).message);
    }
    return null;
  }

  readBack(path: string, onData: (chunk: Buffer) => void): Promise<void> {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        onData(chunk);
        done();
      },
    });
    return this.run(`Reading back ${path}`, async () => {
      await this.client.downloadTo(sink, path);
    });
  }

  rename(from: string, to: string): Promise<void> {
    return this.run(`Renaming ${from}`, async () => {
      await this.client.rename(from, to);
    });
  }

  remove(path: string): Promise<void> {
    return this.run(`Removing ${path}`, async () => {
      await this.client.remove(path);
    });
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/** `213 CRC32 0-12813 ee2a9136 name` (draft-bryan-ftpext-hash), possibly after `213-` lines. */
export function parseHashReply(message: string): number | null {
  const m = /^213 CRC32\s+\S+\s+([0-9a-f]{8})\b/im.exec(message);
  return m ? Number.parseInt(m[1]!, 16) : null;
}

/** `250 EE2A9136` (XCRC as ProFTPD, Serv-U and others answer it), possibly after `250-` lines. */
export function parseXcrcReply(message: string): number | null {
  const m = /^25\d\s+(?:0x)?([0-9a-f]{8})\s*$/im.exec(message);
  return m ? Number.parseInt(m[1]!, 16) : null;
}
