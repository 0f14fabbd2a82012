export { SrrError, SrrErrorCode } from './errors.js';
export type {
  SrrArchivedFile,
  SrrFile,
  SrrOsoHash,
  SrrStoredFile,
  SrrVolume,
  SrrVolumeBlock,
} from './srr-file.js';
export { safeSrrPath } from './srr-names.js';
export { MAX_SRR_BYTES, parseSrr, srrTooLarge } from './srr-reader.js';
export {
  rebuildFromSrr,
  type SrrRebuildOptions,
  type SrrRebuildProgress,
  type SrrRebuildResult,
  type SrrRebuiltVolume,
} from './srr-rebuild.js';
export { createSrr, type SrrCreateInput } from './srr-writer.js';
