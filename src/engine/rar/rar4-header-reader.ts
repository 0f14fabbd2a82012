import type { FileHandle } from 'node:fs/promises';
import { crc32 } from '../checksum/crc32.js';
import { RarError, RarErrorCode } from './errors.js';
import { decodeDosTime } from './file-time.js';
import type { RarBlockInfo, RarEndInfo, RarFileBlockInfo, RarVolumeInfo } from './rar-volume-info.js';
import { RAR4_BLOCK_HEADER_SIZE, RAR4_SIGNATURE, Rar4BlockFlags, Rar4BlockType } from './rar4-block.js';
import { Rar4EndFlags } from './rar4-end-header.js';
import { decodeRar4ExtTime } from './rar4-ext-time.js';
import { RAR4_FILE_HEADER_FIXED_SIZE, RAR4_METHOD_STORE, Rar4FileFlags } from './rar4-file-header.js';
import { decodeRar4FileName } from './rar4-file-name.js';
import { Rar4MainFlags } from './rar4-main-header.js';

/** Walks every block of a RAR 2.9-4.x volume, reading headers only (data is skipped by offset). */
export async function readRar4Volume(handle: FileHandle, path: string, size: number): Promise<RarVolumeInfo> {
  const blocks: RarBlockInfo[] = [];
  let end: RarEndInfo | null = null;
  let offset = RAR4_SIGNATURE.length;
  while (offset < size && !end) {
    const base = await readAt(handle, offset, RAR4_BLOCK_HEADER_SIZE, size, path);
    const headSize = base.readUInt16LE(5);
    if (headSize < RAR4_BLOCK_HEADER_SIZE) {
      throw new RarError(RarErrorCode.HEADER_CORRUPT, `Block at ${offset} declares HEAD_SIZE ${headSize}`, {
        path,
        offset,
      });
    }
    const header = await readAt(handle, offset, headSize, size, path);
    const parsed = parseRar4Block(header, offset, path);
    blocks.push(parsed.block);
    end = parsed.end;
    offset += headSize + parsed.block.dataSize;
    if (offset > size && !end) {
      throw new RarError(RarErrorCode.TRUNCATED, `Volume ends inside a block's data`, { path, offset, size });
    }
  }
  return rar4VolumeInfo(path, size, blocks, end);
}

/** What a RAR 4 volume's blocks say about it (shared by the volume reader and the SRR reader). */
export function rar4VolumeInfo(
  path: string,
  size: number,
  blocks: readonly RarBlockInfo[],
  end: RarEndInfo | null,
): RarVolumeInfo {
  const files = blocks.filter((b): b is RarFileBlockInfo => b.kind === 'file');
  const services = blocks.filter((b): b is RarFileBlockInfo => b.kind === 'service');
  const mainFlags = blocks.find((b) => b.kind === 'main')?.flags ?? 0;
  return {
    path,
    format: 'rar4',
    size,
    isVolume: (mainFlags & Rar4MainFlags.VOLUME) !== 0,
    isFirstVolume:
      (mainFlags & Rar4MainFlags.VOLUME) === 0 ? null : (mainFlags & Rar4MainFlags.FIRST_VOLUME) !== 0,
    isNewNumbering: (mainFlags & Rar4MainFlags.NEW_NUMBERING) !== 0,
    volumeNumber: end?.volumeNumber ?? null,
    isSolid: (mainFlags & Rar4MainFlags.SOLID) !== 0,
    isLocked: (mainFlags & Rar4MainFlags.LOCK) !== 0,
    hasRecoveryRecord: (mainFlags & Rar4MainFlags.RECOVERY) !== 0 || services.some((s) => s.name === 'RR'),
    hasAuthenticity: (mainFlags & Rar4MainFlags.AUTHENTICITY) !== 0 || services.some((s) => s.name === 'AV'),
    hasEncryptedHeaders: (mainFlags & Rar4MainFlags.ENCRYPTED_HEADERS) !== 0,
    blocks,
    files,
    services,
    end,
  };
}

/** A RAR 4 block as found in `header` (HEAD_SIZE bytes at `offset`), and the end record if it is one. */
export function parseRar4Block(
  header: Buffer,
  offset: number,
  path: string,
): { block: RarBlockInfo; end: RarEndInfo | null } {
  const type = header[2]!;
  const flags = header.readUInt16LE(3);
  const headSize = header.length;
  const headerCrcOk = (crc32(header.subarray(2)) & 0xffff) === header.readUInt16LE(0);
  const hasAddSize = (flags & Rar4BlockFlags.LONG_BLOCK) !== 0 && headSize >= 11;
  const common = {
    rawType: type,
    offset,
    headerSize: headSize,
    flags,
    dataOffset: offset + headSize,
    headerCrcOk,
  };
  if (type === Rar4BlockType.MAIN) return { block: { ...common, kind: 'main', dataSize: 0 }, end: null };
  if (type === Rar4BlockType.FILE || type === Rar4BlockType.SERVICE) {
    return { block: parseFileHeader(header, common, path), end: null };
  }
  if (type === Rar4BlockType.END) {
    return { block: { ...common, kind: 'end', dataSize: 0 }, end: parseEnd(header, offset, flags) };
  }
  return {
    block: { ...common, kind: 'other', dataSize: hasAddSize ? header.readUInt32LE(7) : 0 },
    end: null,
  };
}

function parseFileHeader(
  header: Buffer,
  common: Omit<RarBlockInfo, 'kind' | 'dataSize'>,
  path: string,
): RarFileBlockInfo {
  if (header.length < RAR4_FILE_HEADER_FIXED_SIZE) {
    throw new RarError(RarErrorCode.HEADER_CORRUPT, 'File header shorter than its fixed fields', {
      path,
      offset: common.offset,
    });
  }
  const flags = common.flags;
  const isLarge = (flags & Rar4FileFlags.LARGE) !== 0;
  let o = 7;
  let packSize = header.readUInt32LE(o); // PACK_SIZE
  let unpSize = header.readUInt32LE(o + 4); // UNP_SIZE
  const hostOs = header[o + 8]!; // HOST_OS
  const fileCrc = header.readUInt32LE(o + 9); // FILE_CRC
  const ftime = header.readUInt32LE(o + 13); // FTIME
  const unpVer = header[o + 17]!; // UNP_VER
  const method = header[o + 18]!; // METHOD
  const nameSize = header.readUInt16LE(o + 19); // NAME_SIZE
  const attr = header.readUInt32LE(o + 21); // ATTR
  o += 25;
  if (isLarge) {
    packSize += header.readUInt32LE(o) * 2 ** 32; // HIGH_PACK_SIZE
    unpSize += header.readUInt32LE(o + 4) * 2 ** 32; // HIGH_UNP_SIZE
    o += 8;
  }
  if (o + nameSize > header.length) {
    throw new RarError(RarErrorCode.HEADER_CORRUPT, 'File name runs past the header', {
      path,
      offset: common.offset,
    });
  }
  const name = decodeRar4FileName(header.subarray(o, o + nameSize), (flags & Rar4FileFlags.UNICODE) !== 0);
  o += nameSize;
  if (flags & Rar4FileFlags.SALT) o += 8;
  let mtime = decodeDosTime(ftime, 'local');
  if (flags & Rar4FileFlags.EXT_TIME && o + 2 <= header.length) {
    const ext = decodeRar4ExtTime(header, o);
    mtime = new Date(mtime.getTime() + ext.addSeconds * 1000 + Math.floor(ext.nanoseconds / 1e6));
  }
  return {
    ...common,
    kind: common.rawType === Rar4BlockType.FILE ? 'file' : 'service',
    dataSize: packSize,
    name: name.replaceAll('\\', '/'),
    unpackedSize: unpSize,
    dataCrc: fileCrc,
    isSplitBefore: (flags & Rar4FileFlags.SPLIT_BEFORE) !== 0,
    isSplitAfter: (flags & Rar4FileFlags.SPLIT_AFTER) !== 0,
    isDirectory: (flags & Rar4FileFlags.DICTIONARY_MASK) === Rar4FileFlags.DIRECTORY,
    isEncrypted: (flags & Rar4FileFlags.ENCRYPTED) !== 0,
    isStored: method === RAR4_METHOD_STORE,
    hostOs,
    attributes: attr,
    mtime,
    version: unpVer,
    method,
  };
}

function parseEnd(header: Buffer, offset: number, flags: number): RarEndInfo {
  let o = 7;
  let dataCrc: number | null = null;
  let volumeNumber: number | null = null;
  if (flags & Rar4EndFlags.DATA_CRC && o + 4 <= header.length) {
    dataCrc = header.readUInt32LE(o);
    o += 4;
  }
  if (flags & Rar4EndFlags.VOL_NUMBER && o + 2 <= header.length) volumeNumber = header.readUInt16LE(o);
  return { offset, isLastVolume: (flags & Rar4EndFlags.NEXT_VOLUME) === 0, dataCrc, volumeNumber };
}

export async function readAt(
  handle: FileHandle,
  offset: number,
  length: number,
  fileSize: number,
  path: string,
): Promise<Buffer> {
  if (offset + length > fileSize) {
    throw new RarError(
      RarErrorCode.TRUNCATED,
      `Volume is truncated: a header at ${offset} runs past the end`,
      {
        path,
        offset,
        size: fileSize,
      },
    );
  }
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  if (bytesRead !== length) throw new RarError(RarErrorCode.TRUNCATED, 'Short read', { path, offset });
  return buffer;
}
