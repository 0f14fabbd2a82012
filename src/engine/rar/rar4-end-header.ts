import { RAR4_BLOCK_HEADER_SIZE, Rar4BlockFlags, Rar4BlockType, sealRar4Header } from './rar4-block.js';

export const Rar4EndFlags = {
  NEXT_VOLUME: 0x0001,
  DATA_CRC: 0x0002,
  REV_SPACE: 0x0004,
  VOL_NUMBER: 0x0008,
} as const;

/** Block header + DATACRC (4) + VOLNUMBER (2) + 7 reserved bytes: what RAR 3.x/4.x volumes carry. */
export const RAR4_VOLUME_END_HEADER_SIZE = RAR4_BLOCK_HEADER_SIZE + 4 + 2 + 7;
/** A single (non-volume) archive ends with the bare block header, as `rar a` writes it. */
export const RAR4_ARCHIVE_END_HEADER_SIZE = RAR4_BLOCK_HEADER_SIZE;

export interface Rar4VolumeEndHeader {
  readonly isLastVolume: boolean;
  /** CRC32 of the volume's bytes before this block */
  readonly dataCrc: number;
  /** 0-based */
  readonly volumeNumber: number;
}

export function encodeRar4VolumeEndHeader(fields: Rar4VolumeEndHeader): Buffer {
  const header = Buffer.alloc(RAR4_VOLUME_END_HEADER_SIZE);
  let headFlags = Rar4BlockFlags.SKIP_IF_UNKNOWN | Rar4EndFlags.DATA_CRC | Rar4EndFlags.REV_SPACE;
  headFlags |= Rar4EndFlags.VOL_NUMBER;
  if (!fields.isLastVolume) headFlags |= Rar4EndFlags.NEXT_VOLUME;
  let o = 2;
  o = header.writeUInt8(Rar4BlockType.END, o); // HEAD_TYPE
  o = header.writeUInt16LE(headFlags, o); // HEAD_FLAGS: 0x400F, or 0x400E on the last volume
  o = header.writeUInt16LE(RAR4_VOLUME_END_HEADER_SIZE, o); // HEAD_SIZE
  o = header.writeUInt32LE(fields.dataCrc >>> 0, o); // DATACRC
  header.writeUInt16LE(fields.volumeNumber, o); // VOLNUMBER; then 7 zero bytes (REVSPACE)
  return sealRar4Header(header);
}

export function encodeRar4ArchiveEndHeader(): Buffer {
  const header = Buffer.alloc(RAR4_ARCHIVE_END_HEADER_SIZE);
  header.writeUInt8(Rar4BlockType.END, 2); // HEAD_TYPE
  header.writeUInt16LE(Rar4BlockFlags.SKIP_IF_UNKNOWN, 3); // HEAD_FLAGS
  header.writeUInt16LE(RAR4_ARCHIVE_END_HEADER_SIZE, 5); // HEAD_SIZE
  return sealRar4Header(header);
}
