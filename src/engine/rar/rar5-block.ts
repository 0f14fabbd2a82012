import { crc32 } from '../checksum/crc32.js';
import { encodeVint } from './vint.js';

/** "Rar!\x1A\x07\x01\x00" */
export const RAR5_SIGNATURE = Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]);

export const Rar5HeaderType = { MAIN: 1, FILE: 2, SERVICE: 3, ENCRYPTION: 4, END: 5 } as const;

export const Rar5HeaderFlags = {
  EXTRA_AREA: 0x0001,
  DATA_AREA: 0x0002,
  SKIP_IF_UNKNOWN: 0x0004,
  SPLIT_BEFORE: 0x0008,
  SPLIT_AFTER: 0x0010,
  CHILD: 0x0020,
  INHERITED: 0x0040,
} as const;

/** UnRAR refuses header-size vints over 3 bytes (arcread.cpp ReadHeader50): 2 MB headers at most. */
export const RAR5_MAX_HEADER_SIZE_VINT_BYTES = 3;

export interface Rar5Block {
  readonly headerType: number;
  readonly headerFlags: number;
  readonly extraArea?: Buffer;
  readonly dataSize?: number;
  /** Minimum width of the Data size vint (padding keeps a planned header size exact). */
  readonly dataSizeVintLength?: number;
  /** Type-specific fields, already encoded. */
  readonly body: Buffer;
}

/**
 * General block header (T5): Header CRC32, Header size, Header type, Header flags,
 * [Extra area size], [Data size], then the type-specific body and the extra area.
 */
export function encodeRar5Block(fields: Rar5Block): Buffer {
  const hasExtra = (fields.headerFlags & Rar5HeaderFlags.EXTRA_AREA) !== 0;
  const hasData = (fields.headerFlags & Rar5HeaderFlags.DATA_AREA) !== 0;
  const extra = hasExtra ? (fields.extraArea ?? Buffer.alloc(0)) : Buffer.alloc(0);
  const parts: Buffer[] = [
    encodeVint(fields.headerType), // Header type
    encodeVint(fields.headerFlags), // Header flags
  ];
  if (hasExtra) parts.push(encodeVint(extra.length)); // Extra area size
  if (hasData) parts.push(encodeVint(fields.dataSize ?? 0, fields.dataSizeVintLength)); // Data size
  parts.push(fields.body, extra);
  const afterSize = Buffer.concat(parts);
  const headerSize = encodeVint(afterSize.length); // Header size
  if (headerSize.length > RAR5_MAX_HEADER_SIZE_VINT_BYTES) throw new RangeError('RAR5 header over 2 MB');
  const covered = Buffer.concat([headerSize, afterSize]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(covered), 0); // Header CRC32: from Header size to the end of the extra area
  return Buffer.concat([crc, covered]);
}
