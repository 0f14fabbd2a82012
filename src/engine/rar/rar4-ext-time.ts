import type { FileTime } from './file-time.js';

/** Per-time nibble of the EXT_TIME flags (mtime uses the top nibble, bits 12-15). */
const ExtTimeNibble = {
  PRESENT: 0x8,
  ADD_ONE_SECOND: 0x4,
  /** bits 0-1: number of bytes of the 24-bit 100 ns remainder that follow */
  BYTE_COUNT_MASK: 0x3,
} as const;

const MTIME_SHIFT = 12;

/**
 * EXT_TIME for the modification time only (T4; U ReadHeader15). It carries what DOS time
 * loses: the odd second and the 100 ns remainder, most significant bytes kept, least of
 * those first. Returns null when DOS time is already exact, as WinRAR omits it then
 * (store_split_folder.rar: the even-second files have no EXT_TIME, the others 0xF000 + 3 bytes).
 */
export function encodeRar4ExtTime(time: FileTime): Buffer | null {
  const isOddSecond = ((time.unixSeconds % 2) + 2) % 2 === 1;
  const remainder = Math.floor(time.nanoseconds / 100); // < 10^7 < 2^24
  if (!isOddSecond && remainder === 0) return null;
  let byteCount = 3;
  while (byteCount > 0 && ((remainder >> ((3 - byteCount) * 8)) & 0xff) === 0) byteCount--;
  let nibble = ExtTimeNibble.PRESENT | byteCount;
  if (isOddSecond) nibble |= ExtTimeNibble.ADD_ONE_SECOND;
  const out = Buffer.alloc(2 + byteCount);
  out.writeUInt16LE(nibble << MTIME_SHIFT, 0); // flags
  for (let j = 0; j < byteCount; j++) out[2 + j] = (remainder >> ((j + 3 - byteCount) * 8)) & 0xff;
  return out;
}

export interface Rar4ExtTimeDecoded {
  /** Whole seconds to add to the DOS time (0 or 1) and the sub-second part. */
  readonly addSeconds: number;
  readonly nanoseconds: number;
  /** Bytes the EXT_TIME record occupies (all four times). */
  readonly length: number;
}

/** Reads EXT_TIME (all four times are walked so the length is right; only mtime is returned). */
export function decodeRar4ExtTime(buffer: Uint8Array, offset: number): Rar4ExtTimeDecoded {
  const flags = (buffer[offset]! | (buffer[offset + 1]! << 8)) >>> 0;
  let pos = offset + 2;
  let addSeconds = 0;
  let nanoseconds = 0;
  for (let i = 0; i < 4; i++) {
    const mode = (flags >> ((3 - i) * 4)) & 0xf;
    if ((mode & ExtTimeNibble.PRESENT) === 0) continue;
    if (i !== 0) pos += 4; // ctime, atime and arctime carry their own DOS time
    const count = mode & ExtTimeNibble.BYTE_COUNT_MASK;
    let remainder = 0;
    for (let j = 0; j < count; j++) remainder |= buffer[pos++]! << ((j + 3 - count) * 8);
    if (i === 0) {
      addSeconds = mode & ExtTimeNibble.ADD_ONE_SECOND ? 1 : 0;
      nanoseconds = remainder * 100;
    }
  }
  return { addSeconds, nanoseconds, length: pos - offset };
}
