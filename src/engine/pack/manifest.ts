import { crc32OfFile, formatCrc32 } from '../checksum/index.js';
import type { ArtifactKind, ManifestFile } from './pack-types.js';

export function manifestEntry(kind: ArtifactKind, path: string, size: number, crc: number): ManifestFile {
  return { kind, path, size, crc32: formatCrc32(crc) };
}

/** For files whose CRC was not taken while writing (the sample, written by mkvmerge). */
export async function manifestEntryOfFile(
  kind: ArtifactKind,
  relative: string,
  absolute: string,
): Promise<ManifestFile> {
  const { crc32, size } = await crc32OfFile(absolute);
  return manifestEntry(kind, relative, size, crc32);
}
