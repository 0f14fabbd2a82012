import { readFileSync } from 'node:fs';

/** The package version, read once from package.json next to dist/ or src/. */
export function readPackageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
