import { basename } from 'node:path';
import { CommonErrorCode, RelpackError } from '../errors.js';
import type { RarWriteProgress } from '../rar/index.js';
import type { PackHooks } from './pack-types.js';
import { StagingDirectory } from './release-dir.js';

/**
 * Runs a pack inside a staging directory: any failure discards it, and a failure caused by the
 * caller's abort signal is reported as ABORTED whatever the step that noticed it.
 */
export async function inStaging<T>(
  releaseDir: string,
  hooks: PackHooks,
  work: (staging: StagingDirectory) => Promise<T>,
): Promise<T> {
  await hooks.beforeWrite?.(basename(releaseDir));
  const staging = await StagingDirectory.create(releaseDir);
  try {
    return await work(staging);
  } catch (error) {
    await staging.discard();
    if (hooks.signal?.aborted && !(error instanceof RelpackError && error.code === CommonErrorCode.ABORTED)) {
      throw new RelpackError(CommonErrorCode.ABORTED, 'Packing was cancelled', {}, { cause: error });
    }
    throw error;
  }
}

/** The RAR writer's progress as pack progress in the `archive` phase. */
export function archiveProgress(hooks: PackHooks): (p: RarWriteProgress) => void {
  return (p) =>
    hooks.onProgress?.({
      phase: 'archive',
      bytesDone: p.bytesDone,
      bytesTotal: p.bytesTotal,
      volumeIndex: p.volumeIndex,
      volumeCount: p.volumeCount,
      currentFile: p.volumeFileName,
    });
}
