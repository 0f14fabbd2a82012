import { statfs } from 'node:fs/promises';

export interface DiskSpace {
  readonly path: string;
  readonly totalBytes: number;
  readonly freeBytes: number;
}

/**
 * Space on the file system holding the data directory, where releases are written: the number an
 * operator needs before packing a 4 GiB season.
 */
export async function diskSpace(path: string): Promise<DiskSpace> {
  const s = await statfs(path);
  return { path, totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
}
