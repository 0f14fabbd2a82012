export {
  codecTag,
  type MatroskaFields,
  readMatroskaHeader,
  resolutionTag,
} from '../../engine/index.js';
export { type CbzFields, readCbzMetadata } from './cbz.js';
export { type EpubCreator, type EpubFields, readEpubMetadata } from './epub.js';
export { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';
export { bookFields, extractMetadata, type FileMetadata } from './extract-metadata.js';
export { type MediaFields, readMediaInfo } from './media.js';
export { type MobiFields, readMobiMetadata } from './mobi.js';
export { type PdfFields, readPdfMetadata } from './pdf.js';
