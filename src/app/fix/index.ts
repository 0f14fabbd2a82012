export type { FixPackResult } from '../../engine/index.js';
export { DEFAULT_DIRFIX_NFO, type FixReleaseInput, fixRelease } from './fix-release.js';
