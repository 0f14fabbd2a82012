import { type FileHandle, open, stat } from 'node:fs/promises';
import { sourceErrorFromFs } from '../errors.js';
import type { RarFileBlockInfo, RarVolumeInfo } from '../rar/rar-volume-info.js';
import { readRarVolume } from '../rar/rar-volume-reader.js';
import { RAR4_SIGNATURE } from '../rar/rar4-block.js';
import { RAR5_SIGNATURE } from '../rar/rar5-block.js';
import { SrrError, SrrErrorCode } from './errors.js';
import { encodeSrrHeader, encodeSrrPadding, encodeSrrRarFile, encodeSrrStoredFile } from './srr-block.js';
import { MAX_SRR_BYTES } from './srr-reader.js';

export interface SrrCreateInput {
  /** The header's application name, e.g. `relpack 0.2.0`. */
  readonly appName: string;
  /** Volumes in set order; `name` is what the SRR calls each (its file name in the release). */
  readonly volumes: readonly { readonly name: string; readonly path: string }[];
  /** Files kept whole (NFO, SFV, proof), by the name the SRR gives them (`Proof/x.jpg`). */
  readonly storedFiles: readonly { readonly name: string; readonly path: string }[];
}

const RAR4_OLD_RECOVERY = 0x78;

/**
 * An SRR as ReScene .NET 1.2 and pyReScene write it: the header, the stored files, then per volume
 * a RAR-file block followed by the volume's blocks verbatim, file data and recovery data left out.
 * RAR 5 volumes follow the same layout (see FORMAT-NOTES.md: no ReScene tool defines one).
 */
export async function createSrr(input: SrrCreateInput): Promise<Buffer> {
  if (input.volumes.length === 0) {
    throw new SrrError(SrrErrorCode.NO_VOLUMES, 'There are no RAR volumes to describe', {});
  }
  const parts: Buffer[] = [encodeSrrHeader(input.appName)];
  let total = parts[0]!.length;
  const push = (chunk: Buffer) => {
    total += chunk.length;
    if (total > MAX_SRR_BYTES) {
      throw new SrrError(SrrErrorCode.TOO_LARGE, `The SRR would exceed ${MAX_SRR_BYTES} bytes`, {
        limit: MAX_SRR_BYTES,
      });
    }
    parts.push(chunk);
  };
  for (const file of input.storedFiles) {
    const data = await readWhole(file.path);
    push(encodeSrrStoredFile(file.name, data.length));
    push(data);
  }
  for (const volume of input.volumes) {
    const info = await readRarVolume(volume.path);
    push(encodeSrrRarFile(volume.name));
    for (const chunk of await volumeBlocks(volume.path, info)) push(chunk);
  }
  return Buffer.concat(parts, total);
}

/** The bytes an SRR keeps of one volume: marker, every header, the data of blocks that are not files or recovery records. */
async function volumeBlocks(path: string, info: RarVolumeInfo): Promise<Buffer[]> {
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  try {
    const signature = info.format === 'rar5' ? RAR5_SIGNATURE : RAR4_SIGNATURE;
    const chunks: Buffer[] = [Buffer.from(signature)];
    let end = signature.length;
    for (const block of info.blocks) {
      const isRecovery =
        block.rawType === RAR4_OLD_RECOVERY ||
        (block.kind === 'service' && (block as RarFileBlockInfo).name === 'RR');
      const keepsData = block.kind !== 'file' && !isRecovery;
      chunks.push(
        await readRange(handle, block.offset, block.headerSize + (keepsData ? block.dataSize : 0), path),
      );
      end = block.dataOffset + block.dataSize;
    }
    if (!info.end) {
      throw new SrrError(SrrErrorCode.CORRUPT, `${path} has no end-of-archive block; it is cut short`, {
        path,
      });
    }
    if (end < info.size) {
      const padding = await readRange(handle, end, info.size - end, path);
      chunks.push(encodeSrrPadding(padding.length), padding);
    }
    return chunks;
  } finally {
    await handle.close();
  }
}

async function readRange(handle: FileHandle, offset: number, length: number, path: string): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  if (bytesRead !== length) {
    throw new SrrError(SrrErrorCode.CORRUPT, `${path} ends inside a block at ${offset}`, { path, offset });
  }
  return buffer;
}

async function readWhole(path: string): Promise<Buffer> {
  const info = await stat(path).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  if (info.size > MAX_SRR_BYTES) {
    throw new SrrError(
      SrrErrorCode.TOO_LARGE,
      `${path} is too large to store in an SRR (${info.size} bytes)`,
      {
        path,
        size: info.size,
      },
    );
  }
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  try {
    return await readRange(handle, 0, info.size, path);
  } finally {
    await handle.close();
  }
}
