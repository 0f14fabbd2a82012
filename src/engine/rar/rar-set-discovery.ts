import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sourceErrorFromFs } from '../errors.js';
import { volumeIndexFromName } from './volume-naming.js';

export interface DiscoveredVolume {
  readonly index: number;
  readonly path: string;
}

/**
 * The volumes of the set `firstVolumePath` starts, by name (.rar/.r00/… or .partN.rar),
 * ordered by index. Gaps in the indexes are missing volumes.
 */
export async function discoverRarSet(firstVolumePath: string): Promise<DiscoveredVolume[]> {
  const dir = dirname(firstVolumePath);
  const first = volumeIndexFromName(basename(firstVolumePath));
  const entries = await readdir(dir).catch((error) => {
    throw sourceErrorFromFs(error, dir);
  });
  if (!first) return [{ index: 0, path: firstVolumePath }];
  const found: DiscoveredVolume[] = [];
  for (const entry of entries) {
    const parsed = volumeIndexFromName(entry);
    if (!parsed || parsed.baseName !== first.baseName || parsed.naming !== first.naming) continue;
    found.push({ index: parsed.index, path: join(dir, entry) });
  }
  return found.sort((a, b) => a.index - b.index);
}
