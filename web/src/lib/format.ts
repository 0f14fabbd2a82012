const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number | null | undefined, locale = 'en'): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${UNITS[unit]}`;
}

export function formatDate(iso: string | null | undefined, locale = 'en'): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h
    ? `${h}h ${String(m).padStart(2, '0')}m`
    : m
      ? `${m}m ${String(sec).padStart(2, '0')}s`
      : `${sec}s`;
}

/** The job's progress as a fraction 0..1, from the shapes pack, download and upload jobs report. */
export function progressFraction(progress: unknown): number | null {
  if (!progress || typeof progress !== 'object') return null;
  const p = progress as Record<string, unknown>;
  if (typeof p.fraction === 'number') return p.fraction;
  if (typeof p.percent === 'number') return p.percent / 100;
  const done = (p.bytesDone ?? p.doneBytes ?? p.bytes ?? p.sentBytes) as number | undefined;
  const total = (p.bytesTotal ?? p.totalBytes ?? p.total) as number | undefined;
  if (typeof done === 'number' && typeof total === 'number' && total > 0) return Math.min(1, done / total);
  return null;
}
