export { type ReleaseParts, releaseParts } from './release-volumes.js';
export { type SrrSummary, summarizeSrr } from './srr-summary.js';
export {
  type CreateReleaseSrrInput,
  type CreateReleaseSrrResult,
  createReleaseSrr,
  type RebuildSrrInput,
  readSrrFile,
  rebuildSrr,
  showSrr,
} from './srr-use-cases.js';
