export { googleBooks } from './googlebooks.js';
export { getJson, ProviderErrorCode } from './http-json.js';
export { omdb } from './omdb.js';
export { openLibrary } from './openlibrary.js';
export type { BookCandidate, BookProvider, BookQuery, ProviderSettings } from './provider.js';
export { scoreBook } from './provider.js';
export { tmdb } from './tmdb.js';
export type { VideoCandidate, VideoProvider, VideoQuery } from './video-provider.js';
export { scoreVideo } from './video-provider.js';
