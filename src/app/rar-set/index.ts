// `relpack rar` loads this alone (no database, no zod, no template engine): see docs/architecture.md.
export { type CreateRarSetInput, type CreateRarSetResult, createRarSet } from './create-rar-set.js';
