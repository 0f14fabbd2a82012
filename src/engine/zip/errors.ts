import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';

export const ZipErrorCode = {
  NAME_NOT_8_3: 'ZIP_NAME_NOT_8_3',
  DUPLICATE_ENTRY: 'ZIP_DUPLICATE_ENTRY',
  ENTRY_NAME_INVALID: 'ZIP_ENTRY_NAME_INVALID',
  TOO_LARGE: 'ZIP_TOO_LARGE',
} as const satisfies Record<string, ErrorCode>;

export type ZipErrorCodeValue = (typeof ZipErrorCode)[keyof typeof ZipErrorCode];

export class ZipError<D extends object = Record<string, unknown>> extends RelpackError<D> {
  constructor(code: ZipErrorCodeValue, message: string, details: D) {
    super(code, message, details);
    this.name = 'ZipError';
  }
}
