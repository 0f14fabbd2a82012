import type { FileHandle } from 'node:fs/promises';
import { crc32 } from '../checksum/crc32.js';
import { RarError, RarErrorCode } from './errors.js';
import type { RarBlockInfo, RarEndInfo, RarFileBlockInfo, RarVolumeInfo } from './rar-volume-info.js';
import { readAt } from './rar4-header-reader.js';
import {
  RAR5_MAX_HEADER_SIZE_VINT_BYTES,
  RAR5_SIGNATURE,
  Rar5HeaderFlags,
  Rar5HeaderType,
} from './rar5-block.js';
import { Rar5EndFlags } from './rar5-end-header.js';
import { Rar5FileFlags } from './rar5-file-header.js';
import { Rar5ArchiveFlags } from './rar5-main-header.js';
import { decodeVint } from './vint.js';

/** One RAR 5 header, parsed; the main header's archive flags and volume number come with it. */
export interface ParsedRar5Header {
  readonly block: RarBlockInfo;
  readonly end: RarEndInfo | null;
  readonly archive: { readonly flags: number; readonly volumeNumber: number | null } | null;
}

/** Walks every header of a RAR 5.0 volume (T5; U ReadHeader50), skipping data areas by offset. */
export async function readRar5Volume(handle: FileHandle, path: string, size: number): Promise<RarVolumeInfo> {
  const headers: ParsedRar5Header[] = [];
  let offset = RAR5_SIGNATURE.length;
  while (offset < size && !headers.at(-1)?.end) {
    const probe = await readAt(
      handle,
      offset,
      Math.min(4 + RAR5_MAX_HEADER_SIZE_VINT_BYTES, size - offset),
      size,
      path,
    );
    const header = await readAt(handle, offset, rar5HeaderLength(probe, offset, path), size, path);
    const parsed = parseRar5Header(header, offset, path);
    headers.push(parsed);
    offset += header.length + parsed.block.dataSize;
    if (offset > size && !parsed.end) {
      throw new RarError(RarErrorCode.TRUNCATED, `Volume ends inside a block's data`, { path, offset, size });
    }
  }
  return rar5VolumeInfo(path, size, headers);
}

/** The whole length of the header that starts `probe` (CRC32, size vint and the header itself). */
export function rar5HeaderLength(probe: Buffer, offset: number, path: string): number {
  if (probe.length < 5) {
    throw new RarError(RarErrorCode.TRUNCATED, `Header at ${offset} is cut short`, { path, offset });
  }
  const sizeField = decodeVint(probe, 4);
  if (sizeField.length > RAR5_MAX_HEADER_SIZE_VINT_BYTES || sizeField.value === 0) {
    throw new RarError(RarErrorCode.HEADER_CORRUPT, `Bad header size at ${offset}`, { path, offset });
  }
  return 4 + sizeField.length + sizeField.value;
}

/** Parses one whole RAR 5 header (`rar5HeaderLength` bytes at `offset`). */
export function parseRar5Header(header: Buffer, offset: number, path: string): ParsedRar5Header {
  const total = header.length;
  const headerCrcOk = crc32(header.subarray(4)) === header.readUInt32LE(0);
  let o = 4 + decodeVint(header, 4).length;
  const type = next();
  const flags = next();
  const extraSize = flags & Rar5HeaderFlags.EXTRA_AREA ? next() : 0;
  const dataSize = flags & Rar5HeaderFlags.DATA_AREA ? next() : 0;
  const common = {
    rawType: type,
    offset,
    headerSize: total,
    flags,
    dataOffset: offset + total,
    dataSize,
    headerCrcOk,
  };
  if (type === Rar5HeaderType.MAIN) {
    const archiveFlags = next();
    let volumeNumber: number | null = null;
    if (archiveFlags & Rar5ArchiveFlags.VOLUME_NUMBER) volumeNumber = next();
    else if (archiveFlags & Rar5ArchiveFlags.VOLUME) volumeNumber = 0;
    return { block: { ...common, kind: 'main' }, end: null, archive: { flags: archiveFlags, volumeNumber } };
  }
  if (type === Rar5HeaderType.FILE || type === Rar5HeaderType.SERVICE) {
    const fileFlags = next();
    const unpackedSize = next();
    const attributes = next();
    const mtime = fileFlags & Rar5FileFlags.UNIX_MTIME ? nextUint32() : null;
    const dataCrc = fileFlags & Rar5FileFlags.DATA_CRC32 ? nextUint32() : null;
    const compression = next();
    const hostOs = next();
    const nameLength = next();
    if (o + nameLength > total - extraSize) {
      throw new RarError(RarErrorCode.HEADER_CORRUPT, 'Name runs past the header', { path, offset });
    }
    const name = header.subarray(o, o + nameLength).toString('utf8');
    const block: RarFileBlockInfo = {
      ...common,
      kind: type === Rar5HeaderType.FILE ? 'file' : 'service',
      name,
      unpackedSize,
      dataCrc,
      isSplitBefore: (flags & Rar5HeaderFlags.SPLIT_BEFORE) !== 0,
      isSplitAfter: (flags & Rar5HeaderFlags.SPLIT_AFTER) !== 0,
      isDirectory: (fileFlags & Rar5FileFlags.DIRECTORY) !== 0,
      isEncrypted: hasEncryptionRecord(header, total - extraSize, total),
      isStored: ((compression >> 7) & 0x7) === 0,
      hostOs,
      attributes,
      mtime: mtime === null ? null : new Date(mtime * 1000),
      version: compression & 0x3f,
      method: (compression >> 7) & 0x7,
    };
    return { block, end: null, archive: null };
  }
  if (type === Rar5HeaderType.END) {
    const endFlags = next();
    const end = {
      offset,
      isLastVolume: (endFlags & Rar5EndFlags.NOT_LAST_VOLUME) === 0,
      dataCrc: null,
      volumeNumber: null,
    };
    return { block: { ...common, kind: 'end' }, end, archive: null };
  }
  return { block: { ...common, kind: 'other' }, end: null, archive: null };

  function nextUint32(): number {
    if (o + 4 > total)
      throw new RarError(RarErrorCode.HEADER_CORRUPT, 'Header field runs past the header', { path, offset });
    o += 4;
    return header.readUInt32LE(o - 4);
  }

  function next(): number {
    const field = decodeVint(header, o);
    o += field.length;
    return field.value;
  }
}

/** What a RAR 5 volume's headers say about it (shared by the volume reader and the SRR reader). */
export function rar5VolumeInfo(
  path: string,
  size: number,
  headers: readonly ParsedRar5Header[],
): RarVolumeInfo {
  const blocks = headers.map((h) => h.block);
  const files = blocks.filter((b): b is RarFileBlockInfo => b.kind === 'file');
  const services = blocks.filter((b): b is RarFileBlockInfo => b.kind === 'service');
  const archive = headers.find((h) => h.archive)?.archive ?? { flags: 0, volumeNumber: null };
  const archiveFlags = archive.flags;
  return {
    path,
    format: 'rar5',
    size,
    isVolume: (archiveFlags & Rar5ArchiveFlags.VOLUME) !== 0,
    isFirstVolume: (archiveFlags & Rar5ArchiveFlags.VOLUME) === 0 ? null : archive.volumeNumber === 0,
    isNewNumbering: true,
    volumeNumber: archive.volumeNumber,
    isSolid: (archiveFlags & Rar5ArchiveFlags.SOLID) !== 0,
    isLocked: (archiveFlags & Rar5ArchiveFlags.LOCKED) !== 0,
    hasRecoveryRecord:
      (archiveFlags & Rar5ArchiveFlags.RECOVERY) !== 0 || services.some((s) => s.name === 'RR'),
    hasAuthenticity: false,
    hasEncryptedHeaders: blocks.some((b) => b.rawType === Rar5HeaderType.ENCRYPTION),
    blocks,
    files,
    services,
    end: headers.find((h) => h.end)?.end ?? null,
  };
}

/** Extra record type 0x01 is file encryption (T5). */
function hasEncryptionRecord(header: Buffer, start: number, stop: number): boolean {
  let o = start;
  while (o < stop) {
    const recordSize = decodeVint(header, o);
    const recordType = decodeVint(header, o + recordSize.length);
    if (recordType.value === 0x01) return true;
    o += recordSize.length + recordSize.value;
  }
  return false;
}
