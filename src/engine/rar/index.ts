export { RarError, RarErrorCode } from './errors.js';
export { type DosTimeZone, type FileTime, fileTimeFromDate, fileTimeFromStats } from './file-time.js';
export type { PlannedFile, RarHostOs, RarInputFile } from './rar-entry.js';
export { type DiscoveredVolume, discoverRarSet } from './rar-set-discovery.js';
export {
  RAR_WARNING_CHECKS,
  RarCheck,
  type RarCheckId,
  type RarSetFile,
  type RarSetProblem,
  type RarSetReport,
  verifyRarSet,
} from './rar-set-verifier.js';
export type { RarBlockInfo, RarEndInfo, RarFileBlockInfo, RarVolumeInfo } from './rar-volume-info.js';
export { readRarVolume } from './rar-volume-reader.js';
export {
  type RarWriteOptions,
  type RarWriteProgress,
  type RarWriteResult,
  type WrittenVolume,
  writeRarVolumes,
} from './rar-volume-writer.js';
export type { PlannedSegment } from './segment-header.js';
export { extractStoredFile } from './stored-file-extractor.js';
export {
  maxVolumesFor,
  OLD_NAMING_MAX_VOLUMES,
  PART_NAMING_MAX_VOLUMES,
  type RarFormat,
  siblingVolumeName,
  type VolumeNaming,
  volumeFileName,
  volumeIndexFromName,
} from './volume-naming.js';
export { type PlannedVolume, planRarVolumes, type RarPlanInput, type RarVolumePlan } from './volume-plan.js';
