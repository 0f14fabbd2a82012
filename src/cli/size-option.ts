import { RelpackError } from '../errors/index.js';

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
};

/**
 * Parses a byte count: `50000000`, `50MB` (10^6), `15MiB` (2^20). rar's own `-v15m` vs `-v15M`
 * differ only by case (MiB vs 10^6), a classic mistake, so bare `m`/`k`/`g` are refused.
 */
export function parseByteSize(text: string, option = '--volume-size'): number {
  const match = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(text);
  const factor = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || factor === undefined || (match[2]!.length === 1 && match[2]!.toLowerCase() !== 'b')) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `${option} "${text}" is not a byte count; write bytes (50000000) or a unit: kB, MB, GB (powers of 10) or KiB, MiB, GiB`,
      { option, value: text },
    );
  }
  const value = Number(match[1]) * factor;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RelpackError('INVALID_ARGUMENT', `${option} must be a positive number of bytes`, {
      option,
      value: text,
    });
  }
  return value;
}
