import { RarError, RarErrorCode } from './errors.js';

/** Longest vint RAR5 allows: 64 bits in 7-bit groups. */
export const VINT_MAX_BYTES = 10;

/** Bytes the shortest vint encoding of `value` takes. */
export function vintLength(value: number): number {
  assertVintValue(value);
  let length = 1;
  let rest = Math.floor(value / 128);
  while (rest > 0) {
    length++;
    rest = Math.floor(rest / 128);
  }
  return length;
}

/**
 * RAR5 variable-length integer: little-endian base-128, high bit = "more bytes follow".
 * `minLength` pads with high-order zero groups (`85 80 00` for 5), which UnRAR's GetV and
 * rar itself accept (rar 5 writes `80 80 00` in its locator record); the volume planner uses
 * this to fill a volume to the exact byte when a size sits on a vint width boundary.
 */
export function encodeVint(value: number, minLength = 1): Buffer {
  const length = Math.max(vintLength(value), minLength);
  if (length > VINT_MAX_BYTES) throw new RangeError(`vint cannot be ${length} bytes long`);
  const out = Buffer.alloc(length);
  let rest = value;
  for (let i = 0; i < length; i++) {
    const group = rest % 128;
    rest = Math.floor(rest / 128);
    out[i] = i < length - 1 ? group | 0x80 : group;
  }
  return out;
}

/** Decodes a vint at `offset`; sizes stay `number`, safe to 2^53. */
export function decodeVint(buffer: Uint8Array, offset: number): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < VINT_MAX_BYTES; i++) {
    const byte = buffer[offset + i];
    if (byte === undefined) {
      throw new RarError(RarErrorCode.TRUNCATED, 'vint runs past the end of the header', { offset });
    }
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) {
      if (!Number.isSafeInteger(value)) {
        throw new RarError(RarErrorCode.UNSUPPORTED, 'vint value exceeds 2^53', { offset });
      }
      return { value, length: i + 1 };
    }
  }
  throw new RarError(RarErrorCode.HEADER_CORRUPT, 'vint longer than 10 bytes', { offset });
}

function assertVintValue(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`vint value out of range: ${value}`);
}
