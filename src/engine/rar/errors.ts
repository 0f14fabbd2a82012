import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';

/** Stable codes of the RAR writer and reader; public API, never renamed or reused. */
export const RarErrorCode = {
  VOLUME_TOO_SMALL: 'RAR_VOLUME_TOO_SMALL',
  TOO_MANY_VOLUMES: 'RAR_TOO_MANY_VOLUMES',
  NAME_INVALID: 'RAR_NAME_INVALID',
  DUPLICATE_NAME: 'RAR_DUPLICATE_NAME',
  NO_FILES: 'RAR_NO_FILES',
  NOT_RAR: 'RAR_NOT_RAR',
  TRUNCATED: 'RAR_TRUNCATED',
  HEADER_CORRUPT: 'RAR_HEADER_CORRUPT',
  UNSUPPORTED: 'RAR_UNSUPPORTED',
  SIZE_MISMATCH: 'RAR_SIZE_MISMATCH',
} as const satisfies Record<string, ErrorCode>;

export type RarErrorCodeValue = (typeof RarErrorCode)[keyof typeof RarErrorCode];

export class RarError<D extends object = Record<string, unknown>> extends RelpackError<D> {
  constructor(code: RarErrorCodeValue, message: string, details: D, options?: { cause?: unknown }) {
    super(code, message, details, options);
    this.name = 'RarError';
  }
}
