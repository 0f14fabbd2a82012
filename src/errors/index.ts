export { renderErrorTable } from './errors-doc.js';
export { ExitCode } from './exit-code.js';
export {
  ERRORS,
  type ErrorCode,
  type ErrorSpec,
  exitCodeFor,
  httpStatusFor,
  isErrorCode,
  knownCode,
} from './registry.js';
export { isRelpackError, RelpackError } from './relpack-error.js';
