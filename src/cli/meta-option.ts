import { InvalidArgumentError } from 'commander';

/** Collects repeated `--meta key=value` options into one record. */
export function collectMeta(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected key=value, got "${value}"`);
  const key = value.slice(0, eq).trim();
  return { ...previous, [key]: value.slice(eq + 1).trim() };
}

export function collectList(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}
