import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32 } from '../checksum/crc32.js';
import { crc32OfFile } from '../checksum/file-crc32.js';
import { CommonErrorCode, RelpackError, sourceErrorFromFs } from '../errors.js';
import { assertAbsent, placeWithoutClobber, tempPathFor } from '../fs/atomic-file.js';
import { isEightDotThree } from './eight-dot-three.js';
import { ZipError, ZipErrorCode } from './errors.js';
import {
  centralDirectoryHeader,
  dosDateTime,
  endOfCentralDirectory,
  LOCAL_HEADER_FIXED,
  localFileHeader,
  ZIP32_LIMIT,
  ZIP32_MAX_ENTRIES,
  type ZipEntryRecord,
} from './zip-records.js';

export interface ZipDiskEntry {
  /** Name inside the ZIP: printable ASCII, no folders (the volume, file_id.diz and the .nfo). */
  readonly name: string;
  /**
   * A file (streamed) or bytes already in memory (DIZ, NFO). A file's CRC-32, when the caller
   * knows it (the RAR writer does), saves reading the file twice; it is checked while copying.
   */
  readonly source: { readonly path: string; readonly crc32?: number } | { readonly data: Buffer };
}

export interface ZipDiskOptions {
  readonly path: string;
  readonly entries: readonly ZipDiskEntry[];
  /** Entry time, passed in so disks are reproducible. */
  readonly mtime: Date;
  readonly signal?: AbortSignal;
}

const COPY_CHUNK = 1 << 20;

/**
 * Writes one store-mode ZIP "disk" as PKZIP wrote them on DOS: every header carries the entry's
 * CRC and size up front (no data descriptor), no extra fields, no UTF-8 flag, DOS attributes.
 * File entries are streamed. The disk name must be lower-case 8.3. Written to a temp name and
 * linked into place, so a failure never leaves a complete-looking disk.
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
      { name: diskName },
    );
  }
  assertEntryNames(options.entries);
  await assertAbsent(options.path);
  const sized = await Promise.all(options.entries.map(sizeOf));
  assertFitsZip32(diskName, options.entries, sized);
  // Known CRCs are taken as given and checked on the way; the others cost one read first.
  const crcs = await Promise.all(
    options.entries.map(async (entry) => {
      if ('data' in entry.source) return crc32(entry.source.data);
      if (entry.source.crc32 !== undefined) return entry.source.crc32 >>> 0;
      return (await crc32OfFile(entry.source.path, options.signal)).crc32;
    }),
  );
  const { dosDate, dosTime } = dosDateTime(options.mtime);
  const temp = tempPathFor(options.path);
  const handle = await open(temp, 'wx');
  let offset = 0;
  let diskCrc = 0;
  // The disk's CRC (for the manifest) is taken on the way out, so the disk is never read back.
  const emit = async (bytes: Buffer) => {
    await handle.write(bytes, 0, bytes.length, offset);
    diskCrc = crc32(bytes, diskCrc);
    offset += bytes.length;
  };
  try {
    const records: ZipEntryRecord[] = [];
    for (const [i, entry] of options.entries.entries()) {
      options.signal?.throwIfAborted();
      const record = {
        name: Buffer.from(entry.name, 'latin1'),
        crc32: crcs[i]!,
        size: sized[i]!,
        dosDate,
        dosTime,
        offset,
      };
      records.push(record);
      await emit(localFileHeader(record));
      if ('data' in entry.source) await emit(entry.source.data);
      else await copyChecked(entry.source.path, record, emit, options.signal);
    }
    const directoryOffset = offset;
    for (const record of records) await emit(centralDirectoryHeader(record));
    await emit(endOfCentralDirectory(records.length, offset - directoryOffset, directoryOffset));
    await handle.close();
    await placeWithoutClobber(temp, options.path);
  } finally {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
  }
  return { path: options.path, size: offset, crc32: diskCrc };
}

async function sizeOf(entry: ZipDiskEntry): Promise<number> {
  if ('data' in entry.source) return entry.source.data.length;
  const path = entry.source.path;
  const info = await stat(path).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  return info.size;
}

/**
 * Copies a file into the disk, checking it against the header already written: a file that
 * changed since it was measured would leave a header that lies, so the disk is abandoned.
 */
async function copyChecked(
  path: string,
  record: ZipEntryRecord,
  emit: (bytes: Buffer) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let crc = 0;
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: COPY_CHUNK, ...(signal ? { signal } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > record.size) break;
    crc = crc32(chunk, crc);
    await emit(chunk);
  }
  if (size !== record.size || crc >>> 0 !== record.crc32 >>> 0) {
    throw new RelpackError(
      CommonErrorCode.SOURCE_CHANGED,
      size !== record.size
        ? `${path} changed size while it was being zipped (${record.size} bytes measured)`
        : `${path} does not have the CRC-32 it was given or measured with; it changed while being zipped`,
      { path },
    );
  }
}

function assertFitsZip32(diskName: string, entries: readonly ZipDiskEntry[], sizes: readonly number[]): void {
  const headers = entries.reduce((sum, e) => sum + 2 * LOCAL_HEADER_FIXED + 2 * e.name.length + 16, 22);
  const total = sizes.reduce((sum, s) => sum + s, headers);
  if (total > ZIP32_LIMIT || entries.length > ZIP32_MAX_ENTRIES) {
    throw new ZipError(
      ZipErrorCode.TOO_LARGE,
      `ZIP disk ${diskName} would be ${total} bytes in ${entries.length} entries; a disk holds under 4 GiB and 65,535 entries (no ZIP64: the readers disks are made for do not know it)`,
      { name: diskName, size: total, entries: entries.length },
    );
  }
}

/** Printable ASCII only: without the UTF-8 flag a reader takes name bytes as CP437. */
const PLAIN_NAME = /^[\x20-\x7e]+$/;

function assertEntryNames(entries: readonly ZipDiskEntry[]): void {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (!PLAIN_NAME.test(name) || name.includes('/') || name.includes('\\') || name.includes('..')) {
      throw new ZipError(
        ZipErrorCode.ENTRY_NAME_INVALID,
        `ZIP disk entry name "${name}" must be a plain file name in printable ASCII`,
        { name },
      );
    }
    const key = name.toLowerCase();
    if (seen.has(key))
      throw new ZipError(ZipErrorCode.DUPLICATE_ENTRY, `ZIP disk holds "${name}" twice`, { name });
    seen.add(key);
  }
}
