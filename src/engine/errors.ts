import { type ErrorCode, RelpackError } from '../errors/index.js';

export { isRelpackError, RelpackError } from '../errors/index.js';

/** Codes shared by every capability of the engine (inputs, outputs, misuse). */
export const CommonErrorCode = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  SOURCE_NOT_FOUND: 'SOURCE_NOT_FOUND',
  SOURCE_UNREADABLE: 'SOURCE_UNREADABLE',
  SOURCE_CHANGED: 'SOURCE_CHANGED',
  OUTPUT_NOT_EMPTY: 'OUTPUT_NOT_EMPTY',
  OUTPUT_EXISTS: 'OUTPUT_EXISTS',
  OUTPUT_UNWRITABLE: 'OUTPUT_UNWRITABLE',
  ABORTED: 'ABORTED',
} as const satisfies Record<string, ErrorCode>;

/** Wraps a Node.js file-system error on a source path into a coded error. */
export function sourceErrorFromFs(error: unknown, path: string): RelpackError {
  const fsCode = (error as NodeJS.ErrnoException | undefined)?.code;
  if (fsCode === 'ENOENT' || fsCode === 'ENOTDIR') {
    return new RelpackError(
      CommonErrorCode.SOURCE_NOT_FOUND,
      `Source not found: ${path}`,
      { path },
      { cause: error },
    );
  }
  return new RelpackError(
    CommonErrorCode.SOURCE_UNREADABLE,
    `Source cannot be read (${fsCode ?? 'unknown error'}): ${path}`,
    { path, fsCode: fsCode ?? null },
    { cause: error },
  );
}
