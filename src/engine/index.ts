export * from './checksum/index.js';
export { CommonErrorCode, isRelpackError, RelpackError } from './errors.js';
export { tempPathFor, writeFileAtomic } from './fs/atomic-file.js';
export * from './rar/index.js';
export * from './zip/index.js';
