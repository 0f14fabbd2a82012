import type { ErrorCode } from './registry.js';

/**
 * The one error base class of relpack. Every layer (engine, app, server, CLI) throws
 * subclasses of it, and adapters map `code` (never the message) to an HTTP status or exit code
 * through the registry, so a code missing from it does not compile.
 *
 * @example
 * throw new RelpackError('SOURCE_NOT_FOUND', 'Source file does not exist', { path });
 */
export class RelpackError<D extends object = Record<string, unknown>> extends Error {
  readonly code: ErrorCode;
  readonly details: D;

  constructor(code: ErrorCode, message: string, details: D, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RelpackError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: D } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isRelpackError(value: unknown): value is RelpackError {
  return value instanceof RelpackError;
}
