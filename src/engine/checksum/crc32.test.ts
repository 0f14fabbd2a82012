// Covers: crc32 continuation, crc32Combine against direct CRCs (incl. lengths over 2^32 by
// algebra), formatCrc32.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine, formatCrc32 } from './crc32.js';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(formatCrc32(0xcbf43926)).toBe('CBF43926');
    expect(formatCrc32(0x1f)).toBe('0000001F');
  });

  it('combines CRCs of pieces into the CRC of the whole', () => {
    for (const [a, b] of [
      [0, 5],
      [7, 0],
      [1, 1],
      [1000, 3],
      [65_537, 100_003],
    ] as const) {
      const x = randomBytes(a);
      const y = randomBytes(b);
      expect(crc32Combine(crc32(x), crc32(y), y.length)).toBe(crc32(Buffer.concat([x, y])));
    }
  });

  it('combines across a length over 4 GiB (zeros, by associativity)', () => {
    // crc(A‖Z‖B) where Z is 2^32+3 zero bytes, computed two ways through combine.
    const a = Buffer.from('head');
    const b = Buffer.from('tail');
    const zeroLength = 2 ** 32 + 3;
    const zeroCrc = crc32Combine(crc32(Buffer.alloc(2 ** 31)), crc32(Buffer.alloc(2 ** 31)), 2 ** 31);
    const zeros = crc32Combine(zeroCrc, crc32(Buffer.alloc(3)), 3);
    const left = crc32Combine(crc32Combine(crc32(a), zeros, zeroLength), crc32(b), b.length);
    const right = crc32Combine(crc32(a), crc32Combine(zeros, crc32(b), b.length), zeroLength + b.length);
    expect(left).toBe(right);
  });

  it('agrees with the classic GF(2) matrix method for any CRCs and lengths, up to 2^40 bytes', () => {
    for (let i = 0; i < 200; i++) {
      const a = randomBytes(4).readUInt32LE();
      const b = randomBytes(4).readUInt32LE();
      const length = i < 100 ? i + 1 : Math.floor(Math.random() * 2 ** (8 + (i % 33)));
      expect(crc32Combine(a, b, length), `length ${length}`).toBe(matrixCombine(a, b, length));
    }
  });
});

/** zlib's crc32_combine before 1.2.12 (GF(2) matrix squaring): an independent reference. */
function matrixCombine(crcA: number, crcB: number, lengthB: number): number {
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0, v = vector >>> 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i]!;
    return sum >>> 0;
  };
  const square = (out: Uint32Array, matrix: Uint32Array) => {
    for (let n = 0; n < 32; n++) out[n] = times(matrix, matrix[n]!);
  };
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  square(even, odd);
  square(odd, even);
  let crc = crcA >>> 0;
  let remaining = lengthB;
  do {
    square(even, odd);
    if (remaining % 2 === 1) crc = times(even, crc);
    remaining = Math.floor(remaining / 2);
    if (remaining === 0) break;
    square(odd, even);
    if (remaining % 2 === 1) crc = times(odd, crc);
    remaining = Math.floor(remaining / 2);
  } while (remaining !== 0);
  return (crc ^ crcB) >>> 0;
}
