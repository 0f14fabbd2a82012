import { RarError, RarErrorCode } from './errors.js';
import { RAR4_BLOCK_HEADER_SIZE, Rar4BlockFlags, Rar4BlockType, sealRar4Header } from './rar4-block.js';

export const Rar4FileFlags = {
  SPLIT_BEFORE: 0x0001,
  SPLIT_AFTER: 0x0002,
  ENCRYPTED: 0x0004,
  COMMENT: 0x0008,
  SOLID: 0x0010,
  /** bits 5-7: dictionary size; 111 marks a directory */
  DICTIONARY_MASK: 0x00e0,
  DICTIONARY_4096K: 0x00c0,
  DIRECTORY: 0x00e0,
  LARGE: 0x0100,
  UNICODE: 0x0200,
  SALT: 0x0400,
  VERSION: 0x0800,
  EXT_TIME: 0x1000,
  LONG_BLOCK: Rar4BlockFlags.LONG_BLOCK,
} as const;

export const Rar4HostOs = { MSDOS: 0, OS2: 1, WINDOWS: 2, UNIX: 3, MACOS: 4, BEOS: 5 } as const;

/** UNP_VER for stored files as WinRAR 3.x-4.x write it (rerar expects exactly 20). */
export const RAR4_STORE_UNP_VER = 20;
/** METHOD 0x30: store */
export const RAR4_METHOD_STORE = 0x30;

/** Fixed part: block header (7) + PACK_SIZE … ATTR (25). */
export const RAR4_FILE_HEADER_FIXED_SIZE = RAR4_BLOCK_HEADER_SIZE + 25;
const HIGH_SIZES_LENGTH = 8;
const MAX_HEAD_SIZE = 0xffff;

export interface Rar4FileHeader {
  readonly headFlags: number;
  /** whole-number sizes; the encoder splits them into low/high 32-bit fields */
  readonly packSize: number;
  readonly unpSize: number;
  readonly hostOs: number;
  readonly fileCrc: number;
  readonly ftime: number;
  readonly unpVer: number;
  readonly method: number;
  /** FILE_NAME bytes, already encoded (see rar4-file-name.ts) */
  readonly fileName: Buffer;
  readonly attr: number;
  /** EXT_TIME bytes, present when headFlags has EXT_TIME */
  readonly extTime: Buffer | null;
}

export function rar4FileHeaderSize(nameLength: number, isLarge: boolean, extTimeLength: number): number {
  return RAR4_FILE_HEADER_FIXED_SIZE + (isLarge ? HIGH_SIZES_LENGTH : 0) + nameLength + extTimeLength;
}

/** Sizes ≥ 2^32 - 1 need LHD_LARGE: UNP_SIZE 0xFFFFFFFF alone means "unknown size" to UnRAR. */
export function needsRar4LargeSizes(unpSize: number): boolean {
  return unpSize >= 0xffffffff;
}

export function encodeRar4FileHeader(fields: Rar4FileHeader): Buffer {
  const isLarge = (fields.headFlags & Rar4FileFlags.LARGE) !== 0;
  const hasExtTime = (fields.headFlags & Rar4FileFlags.EXT_TIME) !== 0;
  const extTime = hasExtTime ? fields.extTime : null;
  if (hasExtTime && !extTime) throw new TypeError('EXT_TIME flag set without EXT_TIME bytes');
  const headSize = rar4FileHeaderSize(fields.fileName.length, isLarge, extTime?.length ?? 0);
  if (headSize > MAX_HEAD_SIZE) {
    throw new RarError(
      RarErrorCode.NAME_INVALID,
      'File name too long for a RAR4 header (HEAD_SIZE is 16 bits)',
      {
        nameBytes: fields.fileName.length,
      },
    );
  }
  if (!isLarge && (fields.packSize > 0xffffffff || needsRar4LargeSizes(fields.unpSize))) {
    throw new TypeError('sizes of 4 GiB and more need the LARGE flag');
  }
  const header = Buffer.alloc(headSize);
  let o = 2;
  o = header.writeUInt8(Rar4BlockType.FILE, o); // HEAD_TYPE
  o = header.writeUInt16LE(fields.headFlags, o); // HEAD_FLAGS
  o = header.writeUInt16LE(headSize, o); // HEAD_SIZE
  o = header.writeUInt32LE(fields.packSize % 2 ** 32, o); // PACK_SIZE (low 32 bits)
  o = header.writeUInt32LE(fields.unpSize % 2 ** 32, o); // UNP_SIZE (low 32 bits)
  o = header.writeUInt8(fields.hostOs, o); // HOST_OS
  o = header.writeUInt32LE(fields.fileCrc >>> 0, o); // FILE_CRC
  o = header.writeUInt32LE(fields.ftime >>> 0, o); // FTIME
  o = header.writeUInt8(fields.unpVer, o); // UNP_VER
  o = header.writeUInt8(fields.method, o); // METHOD
  o = header.writeUInt16LE(fields.fileName.length, o); // NAME_SIZE
  o = header.writeUInt32LE(fields.attr >>> 0, o); // ATTR
  if (isLarge) {
    o = header.writeUInt32LE(Math.floor(fields.packSize / 2 ** 32), o); // HIGH_PACK_SIZE
    o = header.writeUInt32LE(Math.floor(fields.unpSize / 2 ** 32), o); // HIGH_UNP_SIZE
  }
  o += fields.fileName.copy(header, o); // FILE_NAME
  if (extTime) extTime.copy(header, o); // EXT_TIME
  return sealRar4Header(header);
}
