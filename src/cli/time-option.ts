import { RelpackError } from '../errors/index.js';

/**
 * `--time <ISO-8601>`, else `$SOURCE_DATE_EPOCH` (reproducible-builds.org: seconds since the epoch),
 * else nothing (the pack uses now). A value that is not a time is a usage error, never "now".
 */
export function packTimeOption(
  value: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { time: Date } | Record<string, never> {
  if (value !== undefined) {
    // A date alone, or a date-time with a zone: a local time without one would differ per machine.
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)) {
      throw new RelpackError(
        'INVALID_ARGUMENT',
        `--time ${JSON.stringify(value)} is not an ISO 8601 time with a zone; e.g. 2026-12-01T20:00:00Z or 2026-12-01`,
        { option: '--time', value },
      );
    }
    return { time: checked(new Date(value), '--time', value) };
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return {};
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `SOURCE_DATE_EPOCH=${JSON.stringify(epoch)} is not a number of seconds since 1970-01-01 UTC`,
      { option: 'SOURCE_DATE_EPOCH', value: epoch },
    );
  }
  return { time: checked(new Date(Number(epoch) * 1000), 'SOURCE_DATE_EPOCH', epoch) };
}

function checked(date: Date, option: string, value: string): Date {
  // DOS times (ZIP, RAR 4) hold 1980 to 2107.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 || date.getUTCFullYear() > 2107) {
    throw new RelpackError('INVALID_ARGUMENT', `${option} ${value} is not a time between 1980 and 2107`, {
      option,
      value,
    });
  }
  return date;
}
