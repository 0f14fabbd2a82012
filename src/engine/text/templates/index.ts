export { DEFAULT_EBOOK_NFO } from './ebook-nfo.js';
export { DEFAULT_FILE_ID_DIZ } from './file-id-diz.js';
export { DEFAULT_TV_NFO } from './tv-nfo.js';
