import { readdir, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { volumeIndexFromName } from '../engine/index.js';

export interface ReleaseFile {
  /** Relative to the release directory, with `/` separators (`Sample/x.mkv`). */
  readonly path: string;
  readonly size: number;
}

/** Every regular file under a release directory; hidden files (our staging) are left out. */
export async function listReleaseFiles(dir: string): Promise<ReleaseFile[]> {
  const out: ReleaseFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relPath = rel ? posix.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) await walk(relPath);
      else if (entry.isFile()) out.push({ path: relPath, size: (await stat(join(dir, relPath))).size });
    }
  };
  await walk('');
  return orderForUpload(out);
}

function rank(path: string): [number, number, string] {
  const depth = path.split('/').length - 1;
  const name = path.split('/').pop()!;
  const lower = name.toLowerCase();
  // Sites check arriving volumes against the SFV, and show the NFO: those go first.
  if (depth === 0 && lower.endsWith('.sfv')) return [0, 0, lower];
  if (depth === 0 && lower.endsWith('.nfo')) return [1, 0, lower];
  if (depth === 0 && lower.endsWith('.diz')) return [2, 0, lower];
  const volume = volumeIndexFromName(name);
  if (depth === 0 && volume) return [3, volume.index, volume.baseName.toLowerCase()];
  if (depth === 0) return [4, 0, lower];
  // Subdirectories (Sample/, Proof/) after the release itself.
  return [5 + depth, 0, path.toLowerCase()];
}

/** The order sites expect: SFV, NFO, then volumes in sequence, then other files, then subdirectories. */
export function orderForUpload<T extends { path: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => {
    const [ra, ia, na] = rank(a.path);
    const [rb, ib, nb] = rank(b.path);
    return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0) || ia - ib;
  });
}
