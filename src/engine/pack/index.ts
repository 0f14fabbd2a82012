export { packEbook } from './pack-ebook.js';
export { PackError, PackErrorCode } from './pack-error.js';
export { type FixPackInput, type FixPackResult, type FixPlan, packFix, planFix } from './pack-fix.js';
export { packTv } from './pack-tv.js';
export type {
  ArtifactKind,
  ManifestFile,
  PackCommonInput,
  PackHooks,
  PackProgress,
  PackResult,
  PackSource,
  PlanCommon,
  PlannedText,
  TextFacts,
} from './pack-types.js';
export {
  diskStem,
  type EbookPackInput,
  type EbookPlan,
  type PlannedDisk,
  planEbookRelease,
} from './plan-ebook.js';
export { planTvRelease, type TvPackInput, type TvPlan } from './plan-tv.js';
export { type SampleCut, sampleWindow } from './sample.js';
export { detectSourceType, SOURCE_KINDS, type SourceKind } from './source-type.js';
export { type ValidateOptions, type ValidationReport, validateRelease } from './validate-release.js';
