export type { AppContext } from './context.js';
export { type CreateRarSetInput, type CreateRarSetResult, createRarSet } from './create-rar-set.js';
export { type PackReleaseRequest, type PackReleaseResult, packRelease } from './pack-release.js';
export { type ResolvedSource, resolveSources } from './resolve-sources.js';
export { validateReleaseDir } from './validate-release-dir.js';
