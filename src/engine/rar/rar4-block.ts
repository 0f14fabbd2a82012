import { crc32 } from '../checksum/crc32.js';

/** RAR 1.5-4.x marker block, read as a block: CRC 0x6152, type 0x72, flags 0x1A21, size 7 (T4). */
export const RAR4_SIGNATURE = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]);

/** HEAD_CRC (2) + HEAD_TYPE (1) + HEAD_FLAGS (2) + HEAD_SIZE (2) */
export const RAR4_BLOCK_HEADER_SIZE = 7;

export const Rar4BlockType = {
  MARKER: 0x72,
  MAIN: 0x73,
  FILE: 0x74,
  /** NEWSUB_HEAD: recovery record, comments, authenticity (service blocks) */
  SERVICE: 0x7a,
  END: 0x7b,
} as const;

/** Common to every block's flags. */
export const Rar4BlockFlags = {
  SKIP_IF_UNKNOWN: 0x4000,
  /** ADD_SIZE (uint32) follows HEAD_SIZE; the block is HEAD_SIZE + ADD_SIZE bytes long. */
  LONG_BLOCK: 0x8000,
} as const;

/**
 * HEAD_CRC = low 16 bits of CRC32 over the header from HEAD_TYPE (offset 2) to HEAD_SIZE
 * (U rawread.cpp GetCRC15), computed over the exact bytes written. Patches it in place.
 */
export function sealRar4Header(header: Buffer): Buffer {
  header.writeUInt16LE(crc32(header.subarray(2)) & 0xffff, 0); // HEAD_CRC
  return header;
}
