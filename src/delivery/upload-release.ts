import { createReadStream } from 'node:fs';
import { join, posix } from 'node:path';
import { Transform } from 'node:stream';
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
  const log = options.log ?? (() => undefined);
  const total = options.files.reduce((n, f) => n + f.size, 0);
  const done = new Map<string, UploadedFile>();
  const localCrc = new Map<string, number>();
  let bytesSent = 0;
  let settledBytes = 0;
  let inFlight = 0;
  let current: string | null = null;
  const started = Date.now();
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 250) return;
    lastReport = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    options.onProgress?.({
      bytesDone: Math.min(total, settledBytes + inFlight),
      bytesTotal: total,
      currentFile: current,
      bytesPerSecond: Math.round(bytesSent / seconds),
    });
  };

  const crcOf = async (file: ReleaseFile): Promise<number> => {
    let value = localCrc.get(file.path);
    if (value === undefined) {
      value = (await crc32OfFile(join(options.localDir, file.path), options.signal)).crc32;
      localCrc.set(file.path, value);
    }
    return value;
  };

  /** Checks a file whose remote size is right; returns how it was verified, or null on mismatch. */
  const verifyContent = async (
    client: RemoteClient,
    file: ReleaseFile,
    remotePath: string,
  ): Promise<UploadedFile['verifiedBy'] | null> => {
    if (options.verify === 'size') return 'size';
    const server = await client.serverCrc32(remotePath);
    if (server !== null) {
      const local = await crcOf(file);
      if (server === local) return 'server-crc32';
      log(`${file.path}: server CRC-32 ${formatCrc32(server)} differs from ${formatCrc32(local)}`);
      return null;
    }
    if (options.verify !== 'read-back') return 'size';
    let remote = 0;
    await client.readBack(remotePath, (chunk) => {
      remote = crc32(chunk, remote);
    });
    const local = await crcOf(file);
    if (remote === local) return 'read-back-crc32';
    log(`${file.path}: read-back CRC-32 ${formatCrc32(remote)} differs from ${formatCrc32(local)}`);
    return null;
  };

  const sendFrom = async (client: RemoteClient, file: ReleaseFile, target: string, offset: number) => {
    const source = createReadStream(join(options.localDir, file.path), {
      start: offset,
      highWaterMark: 1 << 20,
    });
    // Counted as the client pulls it (a 'data' listener would start the flow before the upload reads).
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        inFlight += chunk.length;
        bytesSent += chunk.length;
        report();
        done(null, chunk);
      },
    });
    source.on('error', (error) => counted.destroy(error));
    try {
      await client.upload(source.pipe(counted), target, offset);
    } finally {
      source.destroy();
      counted.destroy();
    }
  };

  const uploadOne = async (
    client: RemoteClient,
    file: ReleaseFile,
    madeDirs: Set<string>,
  ): Promise<UploadedFile> => {
    const remotePath = posix.join(options.remoteDir, file.path);
    const dir = posix.dirname(remotePath);
    if (!madeDirs.has(dir)) {
      await client.ensureDir(dir);
      madeDirs.add(dir);
    }
    current = file.path;
    inFlight = 0;
    const finalSize = await client.size(remotePath);
    if (finalSize === file.size) {
      const verifiedBy = await verifyContent(client, file, remotePath);
      if (verifiedBy) {
        log(`${file.path}: already complete on the server, skipped`);
        return {
          path: file.path,
          size: file.size,
          sentBytes: 0,
          resumedFrom: file.size,
          skipped: true,
          verifiedBy,
        };
      }
    }
    if (finalSize === file.size) {
      log(`${file.path}: on the server with the right size but different content; uploading it again`);
      await client.remove(remotePath);
    }
    const target = options.tempRename ? remotePath + TEMP_SUFFIX : remotePath;
    let reuploads = 0;
    let sentForFile = 0;
    let resumedFrom: number | null = null;
    for (;;) {
      let offset = (await client.size(target)) ?? 0;
      if (offset > file.size) {
        // Longer than ours: not a partial copy of this file, so start over.
        await client.remove(target);
        offset = 0;
      }
      resumedFrom ??= offset;
      if (offset > 0 && offset < file.size) log(`${file.path}: resuming at byte ${offset} of ${file.size}`);
      inFlight = offset;
      const before = bytesSent;
      if (offset < file.size || file.size === 0) await sendFrom(client, file, target, offset);
      sentForFile += bytesSent - before;
      const size = await client.size(target);
      if (size !== file.size) {
        throw deliveryError(
          'DELIVERY_VERIFY_FAILED',
          options.host,
          `${file.path}: the server has ${size ?? 'no'} bytes, we sent ${file.size}`,
          { transient: true, path: file.path },
        );
      }
      const verifiedBy = await verifyContent(client, file, target);
      if (verifiedBy) {
        if (target !== remotePath) {
          if ((await client.size(remotePath)) !== null) await client.remove(remotePath);
          await client.rename(target, remotePath);
        }
        return {
          path: file.path,
          size: file.size,
          sentBytes: sentForFile,
          resumedFrom,
          skipped: false,
          verifiedBy,
        };
      }
      if (reuploads >= MAX_REUPLOADS_PER_FILE) {
        throw deliveryError(
          'DELIVERY_VERIFY_FAILED',
          options.host,
          `${file.path}: the remote copy is still different after uploading it again`,
          { transient: false, path: file.path },
        );
      }
      reuploads++;
      log(`${file.path}: content differs, uploading it again`);
      await client.remove(target);
    }
  };

  let attempt = 0;
  for (;;) {
    attempt++;
    options.signal?.throwIfAborted();
    let client: RemoteClient | null = null;
    const onAbort = () => void client?.close();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      client = await options.connect();
      options.onConnected?.(client.identity);
      const madeDirs = new Set<string>();
      await client.ensureDir(options.remoteDir);
      madeDirs.add(options.remoteDir);
      for (const file of options.files) {
        if (done.has(file.path)) continue;
        options.signal?.throwIfAborted();
        const result = await uploadOne(client, file, madeDirs);
        done.set(file.path, result);
        settledBytes += file.size;
        inFlight = 0;
        report(true);
      }
      current = null;
      report(true);
      return {
        remoteDir: options.remoteDir,
        files: options.files.map((f) => done.get(f.path)!),
        bytesSent,
        attempts: attempt,
      };
    } catch (raw) {
      options.signal?.throwIfAborted();
      const error =
        raw instanceof DeliveryError ? raw : classifyDeliveryError(raw, options.host, 'Uploading');
      if (!isTransientDeliveryError(error) || attempt > options.retries) throw error;
      const wait = Math.min(options.backoffMs * 2 ** (attempt - 1), 60_000);
      log(`attempt ${attempt} failed (${error.code}: ${error.message}); retrying in ${wait} ms`);
      await sleep(wait, undefined, options.signal ? { signal: options.signal } : undefined);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      await client?.close();
    }
  }
}
