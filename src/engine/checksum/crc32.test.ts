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
});
