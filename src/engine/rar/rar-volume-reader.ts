import { open } from 'node:fs/promises';
import { sourceErrorFromFs } from '../errors.js';
import { RarError, RarErrorCode } from './errors.js';
import type { RarVolumeInfo } from './rar-volume-info.js';
import { RAR4_SIGNATURE } from './rar4-block.js';
import { readRar4Volume } from './rar4-header-reader.js';
import { RAR5_SIGNATURE } from './rar5-block.js';
import { readRar5Volume } from './rar5-header-reader.js';

/**
 * Reads the headers of one RAR volume (either format) without reading file data.
 *
 * @example
 * const info = await readRarVolume('release/show-grp.rar');
 * info.files.map((f) => [f.name, f.dataSize, f.isSplitAfter]);
 */
export async function readRarVolume(path: string): Promise<RarVolumeInfo> {
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  try {
    const size = (await handle.stat()).size;
    const signature = Buffer.alloc(RAR5_SIGNATURE.length);
    await handle.read(signature, 0, signature.length, 0);
    if (signature.equals(RAR5_SIGNATURE)) return await readRar5Volume(handle, path, size);
    if (signature.subarray(0, RAR4_SIGNATURE.length).equals(RAR4_SIGNATURE)) {
      return await readRar4Volume(handle, path, size);
    }
    throw new RarError(RarErrorCode.NOT_RAR, `Not a RAR archive (no RAR signature at the start): ${path}`, {
      path,
    });
  } finally {
    await handle.close();
  }
}
