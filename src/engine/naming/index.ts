export { buildEbookName, parseEbookName } from './ebook-name.js';
export { buildEpisodeName, parseEpisodeName } from './episode-name.js';
export { type FixKind, fixOf, fixTag, profileTag, withTag } from './fix-tags.js';
export { languageName, languageTag } from './languages.js';
export type {
  BuiltName,
  EbookNameInput,
  EpisodeMarker,
  EpisodeNameInput,
  ParsedEbookName,
  ParsedEpisodeName,
} from './name-fields.js';
export { NamingError, NamingErrorCode } from './naming-error.js';
export { dotted, fileStemWord, normaliseWords } from './normalise.js';
export { checkReleaseName, type NameCheckContext, type NameCheckResult } from './validate-name.js';
