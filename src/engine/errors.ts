/**
 * The one error base class of relpack. Every layer (engine, app, server, CLI) throws
 * subclasses of it, and adapters map `code` (never the message) to an HTTP status or exit code.
 *
 * @example
 * throw new RelpackError('SOURCE_NOT_FOUND', 'Source file does not exist', { path });
 */
export class RelpackError<D extends object = Record<string, unknown>> extends Error {
  readonly code: string;
  readonly details: D;

  constructor(code: string, message: string, details: D, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RelpackError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: string; message: string; details: D } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

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
} as const;

export function isRelpackError(value: unknown): value is RelpackError {
  return value instanceof RelpackError;
}

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
