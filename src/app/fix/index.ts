export type { FixPackResult } from '../../engine/index.js';
export { DEFAULT_DIRFIX_NFO, type FixReleaseInput, fixRelease } from './fix-release.js';
export { PROPER_WAIT_MS, type RepackInput, type RepackResult, repackRelease } from './repack-release.js';
