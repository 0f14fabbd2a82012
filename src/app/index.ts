export type { AppContext } from './context.js';
export { type CreateRarSetInput, type CreateRarSetResult, createRarSet } from './create-rar-set.js';
export { type ResolvedSource, resolveSources } from './resolve-sources.js';
