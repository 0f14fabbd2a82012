import { RAR4_BLOCK_HEADER_SIZE, Rar4BlockType, sealRar4Header } from './rar4-block.js';

export const Rar4MainFlags = {
  VOLUME: 0x0001,
  COMMENT: 0x0002,
  LOCK: 0x0004,
  SOLID: 0x0008,
  /** volname.partN.rar */
  NEW_NUMBERING: 0x0010,
  AUTHENTICITY: 0x0020,
  RECOVERY: 0x0040,
  ENCRYPTED_HEADERS: 0x0080,
  /** RAR 3.0+: set on the first volume only */
  FIRST_VOLUME: 0x0100,
} as const;

/** 7-byte block header + RESERVED1 (uint16) + RESERVED2 (uint32) */
export const RAR4_MAIN_HEADER_SIZE = RAR4_BLOCK_HEADER_SIZE + 6;

export interface Rar4MainHeader {
  readonly headFlags: number;
}

export function encodeRar4MainHeader(fields: Rar4MainHeader): Buffer {
  const header = Buffer.alloc(RAR4_MAIN_HEADER_SIZE);
  header.writeUInt8(Rar4BlockType.MAIN, 2); // HEAD_TYPE
  header.writeUInt16LE(fields.headFlags, 3); // HEAD_FLAGS
  header.writeUInt16LE(RAR4_MAIN_HEADER_SIZE, 5); // HEAD_SIZE
  header.writeUInt16LE(0, 7); // RESERVED1 (U: HighPosAV; non-zero means "signed")
  header.writeUInt32LE(0, 9); // RESERVED2 (U: PosAV)
  return sealRar4Header(header);
}
