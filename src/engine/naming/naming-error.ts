import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';

export const NamingErrorCode = {
  MISSING_FIELDS: 'NAME_MISSING_FIELDS',
  INVALID_FIELD: 'NAME_INVALID_FIELD',
  WRONG_PROFILE_KIND: 'NAME_WRONG_PROFILE_KIND',
} as const satisfies Record<string, ErrorCode>;

export type NamingErrorCode = (typeof NamingErrorCode)[keyof typeof NamingErrorCode];

export class NamingError extends RelpackError {
  constructor(code: NamingErrorCode, message: string, details: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'NamingError';
  }
}
