export { isEightDotThree } from './eight-dot-three.js';
export { ZipError, ZipErrorCode } from './errors.js';
export { writeZipDisk, type ZipDiskEntry, type ZipDiskOptions } from './zip-disk-writer.js';
export { extractZipEntries, listZipEntries, readZipEntries, type ZipEntryInfo } from './zip-reader.js';
