export type { FixPackResult } from '../../engine/index.js';
export { DEFAULT_DIRFIX_NFO, type FixReleaseInput, fixRelease, previewFix } from './fix-release.js';
export {
  PROPER_WAIT_MS,
  planRepack,
  type RepackInput,
  type RepackPlan,
  type RepackResult,
  repackRelease,
} from './repack-release.js';
