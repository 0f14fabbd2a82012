import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32Combine } from '../checksum/crc32.js';
import { sourceErrorFromFs } from '../errors.js';
import { RarError, RarErrorCode } from './errors.js';
import { RangeCopier } from './range-copier.js';
import { discoverRarSet } from './rar-set-discovery.js';
import { readRarVolume } from './rar-volume-reader.js';

/**
 * Copies one file out of a store-mode set (every part's data, in volume order) to `target`, and
 * checks the result against the file CRC its last part stores. For the set's own tools (a new
 * sample from the episode a release holds); any reader extracts the same bytes.
 */
export async function extractStoredFile(
  firstVolume: string,
  name: string,
  target: string,
  signal?: AbortSignal,
): Promise<{ size: number; crc32: number }> {
  const volumes = await discoverRarSet(firstVolume);
  const output = await open(target, 'wx', 0o644).catch((error) => {
    throw sourceErrorFromFs(error, target);
  });
  const copier = new RangeCopier();
  let written = 0;
  let crc = 0;
  let expected: { size: number; crc: number | null } | null = null;
  try {
    for (const volume of volumes) {
      const info = await readRarVolume(volume.path);
      const input = await open(volume.path, 'r');
      try {
        for (const part of info.files.filter((f) => f.name === name)) {
          if (!part.isStored) {
            throw new RarError(
              RarErrorCode.UNSUPPORTED,
              `${name} is compressed in ${basename(volume.path)}`,
              {
                path: volume.path,
              },
            );
          }
          const copied = await copier.copy(
            input,
            part.dataOffset,
            output,
            written,
            part.dataSize,
            () => {},
            signal,
          );
          crc = crc32Combine(crc, copied.crc32, copied.bytesCopied);
          written += copied.bytesCopied;
          expected ??= { size: part.unpackedSize, crc: null };
          if (!part.isSplitAfter) expected = { size: expected.size, crc: part.dataCrc };
        }
      } finally {
        await input.close();
      }
    }
    if (!expected || written !== expected.size || (expected.crc !== null && expected.crc !== crc)) {
      throw new RarError(
        RarErrorCode.HEADER_CORRUPT,
        expected
          ? `${name} came out of the set at ${written} bytes with CRC32 ${crc.toString(16)}; its headers say ${expected.size} bytes`
          : `The set holds no file named ${name}`,
        { path: firstVolume, name },
      );
    }
    await output.sync();
    return { size: written, crc32: crc };
  } catch (error) {
    await output.close();
    await rm(target, { force: true });
    throw error;
  } finally {
    await output.close().catch(() => {});
  }
}
