export {
  codecTag,
  type MatroskaFields,
  readMatroskaHeader,
  resolutionTag,
} from '../../engine/media/index.js';
export { type EpubCreator, type EpubFields, readEpubMetadata } from './epub.js';
export { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';
