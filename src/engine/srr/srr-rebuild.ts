import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32, crc32Combine } from '../checksum/crc32.js';
import { parseSfv } from '../checksum/sfv-reader.js';
import { sourceErrorFromFs } from '../errors.js';
import { assertAbsent, placeWithoutClobber, tempPathFor } from '../fs/atomic-file.js';
import { writeFully } from '../rar/coalesced-writes.js';
import { RangeCopier } from '../rar/range-copier.js';
import type { RarFileBlockInfo } from '../rar/rar-volume-info.js';
import { SrrError, SrrErrorCode } from './errors.js';
import type { SrrFile, SrrVolume } from './srr-file.js';
import { safeSrrPath } from './srr-names.js';

export interface SrrRebuildOptions {
  /** The media: a path for every archived file, by its name in the set. */
  readonly sources: ReadonlyMap<string, string>;
  readonly outputDir: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SrrRebuildProgress) => void;
}

export interface SrrRebuildProgress {
  readonly volume: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface SrrRebuiltVolume {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly crc32: number;
  /** Whether an SFV stored in the SRR lists this volume (its CRC then matched). */
  readonly sfvListed: boolean;
}

export interface SrrRebuildResult {
  readonly volumes: readonly SrrRebuiltVolume[];
  readonly storedFiles: readonly { readonly name: string; readonly path: string; readonly size: number }[];
}

/**
 * Rebuilds a store-mode RAR set from its SRR and the media: every volume byte for byte, checked
 * part by part against the headers' CRCs and volume by volume against the SFV the SRR stores.
 * Everything is written under temporary names and moved into place only when all of it matched,
 * so a refused rebuild leaves nothing that looks like a volume.
 */
export async function rebuildFromSrr(srr: SrrFile, options: SrrRebuildOptions): Promise<SrrRebuildResult> {
  assertRebuildable(srr);
  const volumeTargets = srr.volumes.map((v) => join(options.outputDir, safeSrrPath(v.name)));
  const storedTargets = srr.storedFiles.map((f) => join(options.outputDir, safeSrrPath(f.name)));
  await assertSourcesMatch(srr, options.sources);
  const expected = sfvCrcs(srr);
  for (const target of [...volumeTargets, ...storedTargets]) await assertAbsent(target);

  const runId = randomBytes(6).toString('hex');
  const temps = [...volumeTargets, ...storedTargets].map((t) => tempPathFor(t, runId));
  const bytesTotal = srr.volumes.reduce((sum, v) => sum + v.size, 0);
  const progress = { done: 0 };
  const copier = new RangeCopier();
  const files = new FileCursors(options.sources);
  try {
    const volumes: SrrRebuiltVolume[] = [];
    for (const [index, volume] of srr.volumes.entries()) {
      options.signal?.throwIfAborted();
      const temp = temps[index]!;
      await mkdir(dirname(temp), { recursive: true });
      const crc = await writeVolume(
        volume,
        temp,
        files,
        copier,
        (bytes) => {
          progress.done += bytes;
          options.onProgress?.({ volume: volume.name, bytesDone: progress.done, bytesTotal });
        },
        options.signal,
      );
      const listed = expected.get(baseName(volume.name).toLowerCase());
      if (listed !== undefined && listed !== crc) {
        throw new SrrError(
          SrrErrorCode.VOLUME_MISMATCH,
          `Rebuilt ${volume.name} has CRC32 ${hex(crc)}, but the SFV stored in the SRR lists ${hex(listed)}`,
          { volume: volume.name, crc32: hex(crc), expected: hex(listed) },
        );
      }
      volumes.push({
        name: volume.name,
        path: volumeTargets[index]!,
        size: volume.size,
        crc32: crc,
        sfvListed: listed !== undefined,
      });
    }
    const storedFiles = [];
    for (const [index, file] of srr.storedFiles.entries()) {
      const temp = temps[srr.volumes.length + index]!;
      await mkdir(dirname(temp), { recursive: true });
      const handle = await open(temp, 'wx', 0o644);
      try {
        await writeFully(handle, file.data, 0);
        await handle.sync();
      } finally {
        await handle.close();
      }
      storedFiles.push({ name: file.name, path: storedTargets[index]!, size: file.size });
    }
    const finals = [...volumeTargets, ...storedTargets];
    for (const [index, temp] of temps.entries()) await placeWithoutClobber(temp, finals[index]!);
    return { volumes, storedFiles };
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw error;
  } finally {
    await files.close();
  }
}

async function writeVolume(
  volume: SrrVolume,
  path: string,
  files: FileCursors,
  copier: RangeCopier,
  onBytes: (bytes: number) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  const target = await open(path, 'wx', 0o644).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  let crc = 0;
  let position = 0;
  try {
    for (const block of volume.blocks) {
      await writeFully(target, block.raw, position);
      crc = crc32(block.raw, crc);
      position += block.raw.length;
      onBytes(block.raw.length);
      if (!block.copy || block.copy.size === 0) continue;
      const part = block.info as RarFileBlockInfo;
      const cursor = await files.cursor(block.copy.name);
      const copied = await copier.copy(
        cursor.handle,
        cursor.offset,
        target,
        position,
        block.copy.size,
        onBytes,
        signal,
      );
      if (copied.bytesCopied !== block.copy.size) {
        throw mismatch(
          block.copy.name,
          `it ended after ${cursor.offset + copied.bytesCopied} bytes while ${volume.name} was rebuilt`,
        );
      }
      const partStart = cursor.offset;
      cursor.advance(copied.bytesCopied, copied.crc32);
      const wanted = part.isSplitAfter ? copied.crc32 : cursor.crc;
      if (part.dataCrc !== null && part.dataCrc !== wanted) {
        throw mismatch(
          block.copy.name,
          part.isSplitAfter
            ? `bytes ${partStart}-${cursor.offset - 1} have CRC32 ${hex(copied.crc32)}; ${volume.name} stores ${hex(part.dataCrc)}`
            : `the file's CRC32 is ${hex(cursor.crc)}; the set stores ${hex(part.dataCrc)}`,
        );
      }
      crc = crc32Combine(crc, copied.crc32, copied.bytesCopied);
      position += copied.bytesCopied;
    }
    if (position !== volume.size) {
      throw new SrrError(
        SrrErrorCode.CORRUPT,
        `${volume.name} came out at ${position} bytes, not ${volume.size}`,
        {
          volume: volume.name,
        },
      );
    }
    await target.sync();
    return crc;
  } finally {
    await target.close();
  }
}

/** The open media files, each with the offset and running CRC the next part continues from. */
class FileCursors {
  private readonly cursors = new Map<
    string,
    { handle: FileHandle; offset: number; crc: number; advance(n: number, crc: number): void }
  >();

  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  async cursor(name: string) {
    const existing = this.cursors.get(name);
    if (existing) return existing;
    const path = this.sources.get(name)!;
    const handle = await open(path, 'r').catch((error) => {
      throw sourceErrorFromFs(error, path);
    });
    const cursor = {
      handle,
      offset: 0,
      crc: 0,
      advance(bytes: number, partCrc: number) {
        this.crc = crc32Combine(this.crc, partCrc, bytes);
        this.offset += bytes;
      },
    };
    this.cursors.set(name, cursor);
    return cursor;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.cursors.values()].map((c) => c.handle.close()));
  }
}

function assertRebuildable(srr: SrrFile): void {
  if (srr.volumes.length === 0) {
    throw new SrrError(
      SrrErrorCode.NO_VOLUMES,
      'The SRR stores no RAR volumes; there is nothing to rebuild',
      {},
    );
  }
  const compressed = srr.files.filter((f) => !f.stored && !f.directory);
  if (compressed.length > 0) {
    throw new SrrError(
      SrrErrorCode.COMPRESSED,
      `The set is compressed (${compressed.map((f) => f.name).join(', ')}); only store-mode (-m0) sets can be rebuilt from the media`,
      { files: compressed.map((f) => f.name) },
    );
  }
  const encrypted = srr.files.filter((f) => f.encrypted);
  if (encrypted.length > 0) {
    throw new SrrError(
      SrrErrorCode.UNSUPPORTED,
      `The set is encrypted (${encrypted.map((f) => f.name).join(', ')})`,
      {
        feature: 'encryption',
      },
    );
  }
  const names = [...srr.volumes, ...srr.storedFiles].map((f) => f.name.toLowerCase());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) {
    throw new SrrError(SrrErrorCode.CORRUPT, `The SRR names ${twice} twice`, { name: twice });
  }
  const withRecovery = srr.volumes.filter((v) => v.blocks.some((b) => b.removed > 0));
  if (withRecovery.length > 0) {
    throw new SrrError(
      SrrErrorCode.UNSUPPORTED,
      `${withRecovery[0]!.name} had a recovery record, which the SRR leaves out; relpack does not recompute recovery records`,
      { feature: 'recovery-record', volumes: withRecovery.map((v) => v.name) },
    );
  }
}

async function assertSourcesMatch(srr: SrrFile, sources: ReadonlyMap<string, string>): Promise<void> {
  for (const file of srr.files) {
    if (file.directory || file.size === 0) continue;
    const path = sources.get(file.name);
    if (path === undefined) {
      throw new SrrError(
        SrrErrorCode.SOURCE_MISSING,
        `The set holds ${file.name}, which the source does not have`,
        {
          file: file.name,
        },
      );
    }
    const info = await stat(path).catch((error) => {
      throw sourceErrorFromFs(error, path);
    });
    if (info.size !== file.size) {
      throw mismatch(file.name, `${path} is ${info.size} bytes; the set holds ${file.size}`);
    }
  }
}

function sfvCrcs(srr: SrrFile): Map<string, number> {
  const crcs = new Map<string, number>();
  for (const file of srr.storedFiles) {
    if (!file.name.toLowerCase().endsWith('.sfv')) continue;
    for (const entry of parseSfv(file.data.toString('latin1')).entries) {
      crcs.set(baseName(entry.name).toLowerCase(), entry.crc32);
    }
  }
  return crcs;
}

function mismatch(file: string, detail: string): SrrError {
  return new SrrError(
    SrrErrorCode.SOURCE_MISMATCH,
    `The source of ${file} is not the archived file: ${detail}`,
    {
      file,
    },
  );
}

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

function hex(crc: number): string {
  return (crc >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
