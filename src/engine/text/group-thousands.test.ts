import { describe, expect, it } from 'vitest';
import { groupThousands } from './group-thousands.js';

describe('groupThousands', () => {
  it('writes what toLocaleString("en-US") writes, without Intl', () => {
    const values = [
      0,
      -0,
      1,
      12,
      999,
      1000,
      9999,
      50_000_000,
      15_000_000,
      1_073_741_824,
      -1234,
      -0.0004,
      0.5,
      1234.5,
      1234.5678,
      999_999.9999,
      2 ** 53 - 1,
      1e20,
      -987_654_321.123,
      0.001,
      0.0004,
    ];
    for (const value of values)
      expect(groupThousands(value), String(value)).toBe(value.toLocaleString('en-US'));
  });

  it('keeps what cannot be grouped readable', () => {
    expect(groupThousands(Number.NaN)).toBe('NaN');
    expect(groupThousands(Number.POSITIVE_INFINITY)).toBe('∞');
    expect(groupThousands(1e21)).toBe('1e+21');
  });
});
