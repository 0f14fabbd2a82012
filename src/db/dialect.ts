export type SqlDialect = 'sqlite' | 'mysql' | 'postgres';

/**
 * The few places where the dialects differ, in one object: how a time, a boolean and JSON are
 * written, and how they come back. Repositories call these and stay dialect-free.
 */
export interface DialectValues {
  readonly dialect: SqlDialect;
  time(date: Date): Date | string;
  readTime(value: unknown): Date;
  readTimeOrNull(value: unknown): Date | null;
  /** The same instant as ISO-8601 UTC text; free on SQLite, which stores exactly that. */
  readIsoTime(value: unknown): string;
  readIsoTimeOrNull(value: unknown): string | null;
  bool(value: boolean): boolean | number;
  readBool(value: unknown): boolean;
  json(value: unknown): string;
  readJson<T = unknown>(value: unknown): T;
}

export function dialectValues(dialect: SqlDialect): DialectValues {
  const readTime = (value: unknown): Date => {
    if (value instanceof Date) return value;
    if (typeof value === 'string')
      return new Date(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);
    throw new TypeError(`not a time: ${String(value)}`);
  };
  return {
    dialect,
    // SQLite has no time type: ISO-8601 UTC text sorts in time order.
    time: (date) => (dialect === 'sqlite' ? date.toISOString() : date),
    readTime,
    readTimeOrNull: (value) => (value === null || value === undefined ? null : readTime(value)),
    readIsoTime: (value) =>
      typeof value === 'string' && value.endsWith('Z') ? value : readTime(value).toISOString(),
    readIsoTimeOrNull: (value) =>
      value === null || value === undefined
        ? null
        : typeof value === 'string' && value.endsWith('Z')
          ? value
          : readTime(value).toISOString(),
    bool: (value) => (dialect === 'postgres' ? value : value ? 1 : 0),
    readBool: (value) => value === true || value === 1 || value === '1',
    json: (value) => JSON.stringify(value),
    // PostgreSQL jsonb arrives parsed (a JSON string value is a JS string); the others store text.
    readJson: <T>(value: unknown): T =>
      (dialect === 'postgres' || typeof value !== 'string' ? value : JSON.parse(value)) as T,
  };
}
