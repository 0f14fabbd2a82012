export { codecName, formatDuration } from './codec-names.js';
export {
  codecTag,
  type Extracted,
  type MatroskaFields,
  type MatroskaTrack,
  MediaErrorCode,
  readMatroskaHeader,
  resolutionTag,
} from './matroska-header.js';
