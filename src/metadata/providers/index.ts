export { googleBooks } from './googlebooks.js';
export { getJson, ProviderErrorCode } from './http-json.js';
export { openLibrary } from './openlibrary.js';
export type { BookCandidate, BookProvider, BookQuery, ProviderSettings } from './provider.js';
export { scoreBook } from './provider.js';
