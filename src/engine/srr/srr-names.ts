import { SrrError, SrrErrorCode } from './errors.js';

/**
 * A stored or volume name from an SRR as a relative path that stays inside the output folder.
 * ReScene .NET writes `/`; a `\` is taken as a separator too, as .NET does.
 */
export function safeSrrPath(name: string): string {
  const parts = name.split(/[\\/]/);
  const unsafe =
    name === '' ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    parts.some((p) => p === '' || p === '.' || p === '..');
  if (unsafe) {
    throw new SrrError(
      SrrErrorCode.CORRUPT,
      `The SRR names a file outside its release folder: ${JSON.stringify(name)}`,
      {
        name,
      },
    );
  }
  return parts.join('/');
}
