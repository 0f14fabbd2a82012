import type { BigIntStats, Stats } from 'node:fs';

/** A modification time with the precision the file system gives (nanoseconds), in UTC. */
export interface FileTime {
  readonly unixSeconds: number;
  /** 0 … 999,999,999 */
  readonly nanoseconds: number;
}

/** How RAR4's MS-DOS timestamps are written: rar uses the creator's local time. */
export type DosTimeZone = 'local' | 'utc';

export function fileTimeFromDate(date: Date): FileTime {
  const ms = date.getTime();
  const unixSeconds = Math.floor(ms / 1000);
  return { unixSeconds, nanoseconds: (ms - unixSeconds * 1000) * 1_000_000 };
}

export function fileTimeFromStats(stats: Stats | BigIntStats): FileTime {
  if ('mtimeNs' in stats) {
    const ns = stats.mtimeNs;
    const seconds = ns / 1_000_000_000n - (ns < 0n && ns % 1_000_000_000n !== 0n ? 1n : 0n);
    return { unixSeconds: Number(seconds), nanoseconds: Number(ns - seconds * 1_000_000_000n) };
  }
  return fileTimeFromDate((stats as Stats).mtime);
}

const DOS_MIN_YEAR = 1980;
const DOS_MAX_YEAR = 2107;

/**
 * MS-DOS date/time: bits 0-4 seconds/2, 5-10 minute, 11-15 hour, 16-20 day, 21-24 month,
 * 25-31 year-1980. Two-second resolution; times outside 1980-2107 are clamped to the range.
 */
export function encodeDosTime(time: FileTime, zone: DosTimeZone): number {
  const date = new Date(time.unixSeconds * 1000);
  const utc = zone === 'utc';
  let year = utc ? date.getUTCFullYear() : date.getFullYear();
  if (year < DOS_MIN_YEAR) return dosFields(DOS_MIN_YEAR, 1, 1, 0, 0, 0);
  if (year > DOS_MAX_YEAR) {
    year = DOS_MAX_YEAR;
    return dosFields(year, 12, 31, 23, 59, 58);
  }
  return dosFields(
    year,
    (utc ? date.getUTCMonth() : date.getMonth()) + 1,
    utc ? date.getUTCDate() : date.getDate(),
    utc ? date.getUTCHours() : date.getHours(),
    utc ? date.getUTCMinutes() : date.getMinutes(),
    utc ? date.getUTCSeconds() : date.getSeconds(),
  );
}

function dosFields(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  return (
    (((year - DOS_MIN_YEAR) << 25) |
      (month << 21) |
      (day << 16) |
      (hour << 11) |
      (minute << 5) |
      (second >> 1)) >>>
    0
  );
}

/** Inverse of encodeDosTime (seconds precision, even seconds). */
export function decodeDosTime(value: number, zone: DosTimeZone): Date {
  const year = (value >>> 25) + DOS_MIN_YEAR;
  const month = ((value >>> 21) & 0x0f) - 1;
  const day = (value >>> 16) & 0x1f;
  const hour = (value >>> 11) & 0x1f;
  const minute = (value >>> 5) & 0x3f;
  const second = (value & 0x1f) * 2;
  return zone === 'utc'
    ? new Date(Date.UTC(year, month, day, hour, minute, second))
    : new Date(year, month, day, hour, minute, second);
}
