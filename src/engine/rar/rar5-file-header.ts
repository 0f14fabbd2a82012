import { encodeRar5Block, Rar5HeaderFlags, Rar5HeaderType } from './rar5-block.js';
import { encodeVint } from './vint.js';

export const Rar5FileFlags = {
  DIRECTORY: 0x0001,
  UNIX_MTIME: 0x0002,
  DATA_CRC32: 0x0004,
  UNKNOWN_UNPACKED_SIZE: 0x0008,
} as const;

export const Rar5HostOs = { WINDOWS: 0, UNIX: 1 } as const;

/** Compression information 0: algorithm version 0, not solid, method 0 (store), 128 KB dictionary. */
export const RAR5_COMPRESSION_STORE = 0;

export interface Rar5FileHeader {
  /** SPLIT_BEFORE / SPLIT_AFTER are the only per-part header flags; DATA_AREA is always set */
  readonly headerFlags: number;
  readonly dataSize: number;
  readonly dataSizeVintLength?: number;
  readonly fileFlags: number;
  readonly unpackedSize: number;
  readonly attributes: number;
  /** Unix seconds, when fileFlags has UNIX_MTIME */
  readonly mtime: number;
  /** when fileFlags has DATA_CRC32: the part's CRC on split-after parts, else the whole file's */
  readonly dataCrc32: number;
  readonly compressionInfo: number;
  readonly hostOs: number;
  /** UTF-8, '/' separated */
  readonly name: Buffer;
}

export function encodeRar5FileHeader(fields: Rar5FileHeader): Buffer {
  const body: Buffer[] = [
    encodeVint(fields.fileFlags), // File flags
    encodeVint(fields.unpackedSize), // Unpacked size
    encodeVint(fields.attributes), // Attributes
  ];
  if (fields.fileFlags & Rar5FileFlags.UNIX_MTIME) body.push(uint32(fields.mtime)); // mtime
  if (fields.fileFlags & Rar5FileFlags.DATA_CRC32) body.push(uint32(fields.dataCrc32)); // Data CRC32
  body.push(encodeVint(fields.compressionInfo)); // Compression information
  body.push(encodeVint(fields.hostOs)); // Host OS
  body.push(encodeVint(fields.name.length)); // Name length
  body.push(fields.name); // Name
  const block: Parameters<typeof encodeRar5Block>[0] = {
    headerType: Rar5HeaderType.FILE,
    headerFlags: fields.headerFlags | Rar5HeaderFlags.DATA_AREA,
    dataSize: fields.dataSize,
    body: Buffer.concat(body),
  };
  return encodeRar5Block(
    fields.dataSizeVintLength === undefined
      ? block
      : { ...block, dataSizeVintLength: fields.dataSizeVintLength },
  );
}

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value >>> 0, 0);
  return out;
}
