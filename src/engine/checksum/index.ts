export { crc32, crc32Combine, formatCrc32 } from './crc32.js';
export { crc32OfFile } from './file-crc32.js';
export {
  parseSfv,
  type SfvCheck,
  type SfvCheckStatus,
  type SfvParseResult,
  verifySfvEntries,
} from './sfv-reader.js';
export { formatSfv, type SfvEntry, type SfvFormatOptions } from './sfv-writer.js';
