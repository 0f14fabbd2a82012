import { createReadStream } from 'node:fs';
import { join, posix } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32, crc32OfFile, formatCrc32 } from '../engine/index.js';
import {
  classifyDeliveryError,
  DeliveryError,
  deliveryError,
  isTransientDeliveryError,
} from './delivery-error.js';
import type { ReleaseFile } from './release-files.js';
import type { RemoteClient } from './remote-client.js';
import type { ServerIdentity } from './remote-target.js';
import { UploadProgressTracker } from './upload-progress.js';

/** `auto`: size, plus the server's CRC-32 where it offers one; `read-back`: size and CRC-32 always. */
export type VerifyMode = 'size' | 'auto' | 'read-back';

export interface UploadProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly currentFile: string | null;
  readonly bytesPerSecond: number;
}

export interface UploadedFile {
  readonly path: string;
  readonly size: number;
  /** Bytes actually sent for this file (less than its size when it resumed or was already there). */
  readonly sentBytes: number;
  /** The remote size this run found and continued from. */
  readonly resumedFrom: number;
  readonly skipped: boolean;
  readonly verifiedBy: 'size' | 'server-crc32' | 'read-back-crc32';
}

export interface UploadReleaseOptions {
  readonly connect: () => Promise<RemoteClient>;
  readonly localDir: string;
  /** In upload order. */
  readonly files: readonly ReleaseFile[];
  readonly remoteDir: string;
  /** For error messages. */
  readonly host: string;
  readonly tempRename: boolean;
  readonly verify: VerifyMode;
  /** Connections used at once; files still start in order. */
  readonly concurrency?: number;
  /** Transient failures (dropped connection, 4xx reply) retried this many times, reconnecting. */
  readonly retries: number;
  readonly backoffMs: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: UploadProgress) => void;
  readonly onConnected?: (identity: ServerIdentity) => void;
  readonly log?: (message: string) => void;
}

export interface UploadReleaseResult {
  readonly remoteDir: string;
  readonly files: UploadedFile[];
  readonly bytesSent: number;
  readonly attempts: number;
}

const TEMP_SUFFIX = '.relpack-part';
const MAX_REUPLOADS_PER_FILE = 1;

/**
 * Uploads a release directory file by file, in order. Every attempt starts by asking the server
 * what it already has, so a dropped connection, a restarted server or a retried job continues each
 * file from its remote size instead of starting over. A file counts only once its remote size —
 * and, where possible, its CRC-32 — matches the local file; a mismatch uploads that file again.
 */
export async function uploadRelease(options: UploadReleaseOptions): Promise<UploadReleaseResult> {
  return new ReleaseUpload(options).run();
}

class ReleaseUpload {
  private readonly log: (message: string) => void;
  private readonly progress: UploadProgressTracker;
  private readonly done = new Map<string, UploadedFile>();
  private readonly localCrc = new Map<string, number>();
  private dirs = new Map<string, Promise<void>>();

  constructor(private readonly o: UploadReleaseOptions) {
    this.log = o.log ?? (() => undefined);
    this.progress = new UploadProgressTracker(
      o.files.reduce((n, f) => n + f.size, 0),
      o.onProgress,
    );
  }

  async run(): Promise<UploadReleaseResult> {
    const o = this.o;
    for (let attempt = 1; ; attempt++) {
      o.signal?.throwIfAborted();
      const clients: RemoteClient[] = [];
      const onAbort = () => {
        for (const c of clients) void c.close();
      };
      o.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await this.attempt(clients);
        this.progress.report(true);
        return {
          remoteDir: o.remoteDir,
          files: o.files.map((f) => this.done.get(f.path)!),
          bytesSent: this.progress.bytesSent,
          attempts: attempt,
        };
      } catch (raw) {
        o.signal?.throwIfAborted();
        const error = raw instanceof DeliveryError ? raw : classifyDeliveryError(raw, o.host, 'Uploading');
        if (!isTransientDeliveryError(error) || attempt > o.retries) throw error;
        const wait = Math.min(o.backoffMs * 2 ** (attempt - 1), 60_000);
        this.log(`attempt ${attempt} failed (${error.code}: ${error.message}); retrying in ${wait} ms`);
        this.progress.reset();
        await sleep(wait, undefined, o.signal ? { signal: o.signal } : undefined);
      } finally {
        o.signal?.removeEventListener('abort', onAbort);
        await Promise.all(clients.map((c) => c.close()));
      }
    }
  }

  /** One connection per worker; workers take the next file in order until none is left. */
  private async attempt(clients: RemoteClient[]): Promise<void> {
    const o = this.o;
    const pending = o.files.filter((f) => !this.done.has(f.path));
    const workers = Math.max(1, Math.min(o.concurrency ?? 1, pending.length));
    for (let i = 0; i < workers; i++) {
      const client = await o.connect();
      clients.push(client);
      if (i === 0) o.onConnected?.(client.identity);
    }
    this.dirs = new Map();
    await this.ensureDir(clients[0]!, o.remoteDir);
    let next = 0;
    let failed = false;
    await Promise.all(
      clients.map(async (client) => {
        while (!failed && next < pending.length) {
          const file = pending[next++]!;
          o.signal?.throwIfAborted();
          try {
            this.done.set(file.path, await this.uploadOne(client, file));
          } catch (error) {
            failed = true;
            throw error;
          }
          this.progress.finish(file.path, file.size);
        }
      }),
    );
  }

  private ensureDir(client: RemoteClient, dir: string): Promise<void> {
    let made = this.dirs.get(dir);
    if (!made) {
      made = client.ensureDir(dir);
      this.dirs.set(dir, made);
    }
    return made;
  }

  private async crcOf(file: ReleaseFile): Promise<number> {
    let value = this.localCrc.get(file.path);
    if (value === undefined) {
      value = (await crc32OfFile(join(this.o.localDir, file.path), this.o.signal)).crc32;
      this.localCrc.set(file.path, value);
    }
    return value;
  }

  /** Checks a file whose remote size is right; returns how it was verified, or null on mismatch. */
  private async verifyContent(
    client: RemoteClient,
    file: ReleaseFile,
    remotePath: string,
  ): Promise<UploadedFile['verifiedBy'] | null> {
    if (this.o.verify === 'size') return 'size';
    const server = await client.serverCrc32(remotePath);
    if (server !== null) {
      const local = await this.crcOf(file);
      if (server === local) return 'server-crc32';
      this.log(`${file.path}: server CRC-32 ${formatCrc32(server)} differs from ${formatCrc32(local)}`);
      return null;
    }
    if (this.o.verify !== 'read-back') return 'size';
    let remote = 0;
    await client.readBack(remotePath, (chunk) => {
      remote = crc32(chunk, remote);
    });
    const local = await this.crcOf(file);
    if (remote === local) return 'read-back-crc32';
    this.log(`${file.path}: read-back CRC-32 ${formatCrc32(remote)} differs from ${formatCrc32(local)}`);
    return null;
  }

  private async sendFrom(
    client: RemoteClient,
    file: ReleaseFile,
    target: string,
    offset: number,
  ): Promise<number> {
    const source = createReadStream(join(this.o.localDir, file.path), {
      start: offset,
      highWaterMark: 1 << 20,
    });
    let sent = 0;
    try {
      await client.upload(source, target, offset, (n) => {
        sent += n;
        this.progress.add(file.path, n);
      });
    } finally {
      source.destroy();
    }
    return sent;
  }

  private async uploadOne(client: RemoteClient, file: ReleaseFile): Promise<UploadedFile> {
    const remotePath = posix.join(this.o.remoteDir, file.path);
    await this.ensureDir(client, posix.dirname(remotePath));
    this.progress.begin(file.path, 0);
    const finalSize = await client.size(remotePath);
    if (finalSize === file.size) {
      const verifiedBy = await this.verifyContent(client, file, remotePath);
      if (verifiedBy) {
        this.log(`${file.path}: already complete on the server, skipped`);
        return {
          path: file.path,
          size: file.size,
          sentBytes: 0,
          resumedFrom: file.size,
          skipped: true,
          verifiedBy,
        };
      }
      this.log(`${file.path}: on the server with the right size but different content; uploading it again`);
      await client.remove(remotePath);
    }
    const target = this.o.tempRename ? remotePath + TEMP_SUFFIX : remotePath;
    let sentBytes = 0;
    let resumedFrom: number | null = null;
    // Without a temp name the size of the target is known already (one round trip less per file).
    let known: number | null | undefined =
      target === remotePath && finalSize !== file.size ? finalSize : undefined;
    for (let reuploads = 0; ; reuploads++) {
      const remoteSize = (known === undefined ? await client.size(target) : known) ?? 0;
      known = undefined;
      let offset = client.resumeFrom(remoteSize);
      if (remoteSize > file.size) {
        // Longer than ours: not a partial copy of this file, so start over.
        await client.remove(target);
        offset = 0;
      }
      resumedFrom ??= offset;
      if (offset > 0 && offset < file.size)
        this.log(`${file.path}: resuming at byte ${offset} of ${file.size}`);
      this.progress.begin(file.path, offset);
      if (offset < file.size || file.size === 0)
        sentBytes += await this.sendFrom(client, file, target, offset);
      const size = await client.size(target);
      if (size !== null && size > file.size && reuploads < MAX_REUPLOADS_PER_FILE) {
        // More than this file holds: a session that died mid-file (a killed relpack, a dropped
        // link) still had data on its way and the server appended it after ours. Removing the
        // file cuts that writer off (on the server it keeps writing an unlinked file); send it whole.
        this.log(
          `${file.path}: the server has ${size} bytes, more than the ${file.size} of the file: an earlier session was still writing to it; sending it again whole`,
        );
        await client.remove(target);
        known = null;
        continue;
      }
      if (size !== file.size) {
        throw deliveryError(
          'DELIVERY_VERIFY_FAILED',
          this.o.host,
          `${file.path}: the server has ${size ?? 'no'} bytes, we sent ${file.size}`,
          { transient: true, path: file.path },
        );
      }
      const verifiedBy = await this.verifyContent(client, file, target);
      if (verifiedBy) {
        if (target !== remotePath) {
          if ((await client.size(remotePath)) !== null) await client.remove(remotePath);
          await client.rename(target, remotePath);
        }
        return { path: file.path, size: file.size, sentBytes, resumedFrom, skipped: false, verifiedBy };
      }
      if (reuploads >= MAX_REUPLOADS_PER_FILE) {
        throw deliveryError(
          'DELIVERY_VERIFY_FAILED',
          this.o.host,
          `${file.path}: the remote copy is still different after uploading it again`,
          { transient: false, path: file.path },
        );
      }
      this.log(`${file.path}: content differs, uploading it again`);
      await client.remove(target);
    }
  }
}
