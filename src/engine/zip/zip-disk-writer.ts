import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { crc32 } from '../checksum/crc32.js';
import { sourceErrorFromFs } from '../errors.js';
import { assertAbsent, placeWithoutClobber, tempPathFor } from '../fs/atomic-file.js';
import { isEightDotThree } from './eight-dot-three.js';
import { ZipError, ZipErrorCode } from './errors.js';

export interface ZipDiskEntry {
  /** Name inside the ZIP (no folders for disks: the volume, file_id.diz and the .nfo). */
  readonly name: string;
  /** A file path (streamed) or bytes already in memory (DIZ, NFO). */
  readonly source: { readonly path: string } | { readonly data: Buffer };
}

export interface ZipDiskOptions {
  readonly path: string;
  readonly entries: readonly ZipDiskEntry[];
  /** `store` (default: RAR volumes do not compress) or `deflate`. */
  readonly compression?: 'store' | 'deflate';
  /** Entry time, passed in so disks are reproducible. */
  readonly mtime: Date;
  readonly signal?: AbortSignal;
}

/**
 * Writes one ZIP "disk" with yazl, streaming file entries. The disk name must be lower-case 8.3.
 * Written to a temp name and linked into place, so a failure never leaves a complete-looking disk.
 *
 * @example
 * await writeZipDisk({ path: 'out/grpttl01.zip', entries: [{ name: 'grpttl.rar', source: { path } }], mtime });
 */
export async function writeZipDisk(
  options: ZipDiskOptions,
): Promise<{ path: string; size: number; crc32: number }> {
  const diskName = basename(options.path);
  if (!isEightDotThree(diskName)) {
    throw new ZipError(
      ZipErrorCode.NAME_NOT_8_3,
      `ZIP disk name "${diskName}" is not lower-case 8.3 (e.g. grpttl01.zip)`,
      {
        name: diskName,
      },
    );
  }
  assertEntryNames(options.entries);
  await assertAbsent(options.path);
  for (const entry of options.entries) {
    if ('path' in entry.source) {
      const path = entry.source.path;
      await stat(path).catch((error) => {
        throw sourceErrorFromFs(error, path);
      });
    }
  }
  const zip = new yazl.ZipFile();
  const compress = options.compression === 'deflate';
  for (const entry of options.entries) {
    // DOS time only, as PKZIP and the DOS-era tools that read disks write it: yazl's Info-ZIP "UT"
    // field would sit in the central record alone, with no local copy (zipinfo: "-13 bytes").
    const entryOptions = { mtime: options.mtime, mode: 0o100644, compress, forceDosTimestamp: true };
    if ('path' in entry.source) zip.addFile(entry.source.path, entry.name, entryOptions);
    else zip.addBuffer(entry.source.data, entry.name, entryOptions);
  }
  zip.end();
  const temp = tempPathFor(options.path);
  let crc = 0;
  let size = 0;
  // The disk's CRC (for the manifest) is taken on the way out, so the disk is never read back.
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(zip.outputStream, tap, createWriteStream(temp, { flags: 'wx' }), {
      signal: options.signal,
    });
    await placeWithoutClobber(temp, options.path);
  } finally {
    await rm(temp, { force: true });
  }
  return { path: options.path, size, crc32: crc };
}

function assertEntryNames(entries: readonly ZipDiskEntry[]): void {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name === '' || name.includes('/') || name.includes('\\') || name.includes('..')) {
      throw new ZipError(
        ZipErrorCode.ENTRY_NAME_INVALID,
        `ZIP disk entry name "${name}" must be a plain file name`,
        { name },
      );
    }
    const key = name.toLowerCase();
    if (seen.has(key))
      throw new ZipError(ZipErrorCode.DUPLICATE_ENTRY, `ZIP disk holds "${name}" twice`, { name });
    seen.add(key);
  }
}
