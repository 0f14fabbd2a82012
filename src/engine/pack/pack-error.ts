import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';

export const PackErrorCode = {
  SOURCE_TYPE_NOT_ALLOWED: 'SOURCE_TYPE_NOT_ALLOWED',
  SOURCE_TYPE_MISMATCH: 'SOURCE_TYPE_MISMATCH',
  VOLUME_SIZE_NOT_ALLOWED: 'VOLUME_SIZE_NOT_ALLOWED',
  RAR_FORMAT_NOT_ALLOWED: 'RAR_FORMAT_NOT_ALLOWED',
  TOO_MANY_VOLUMES: 'TOO_MANY_VOLUMES',
  /** The finished release breaks a `block` rule; nothing was put in place. */
  RULE_VIOLATION: 'RULE_VIOLATION',
  RELEASE_EXISTS: 'RELEASE_EXISTS',
  SAMPLE_TOOL_MISSING: 'SAMPLE_TOOL_MISSING',
  SAMPLE_FAILED: 'SAMPLE_FAILED',
  SOURCE_TOO_SHORT_FOR_SAMPLE: 'SOURCE_TOO_SHORT_FOR_SAMPLE',
  NOT_A_RELEASE_DIRECTORY: 'NOT_A_RELEASE_DIRECTORY',
} as const satisfies Record<string, ErrorCode>;

export type PackErrorCode = (typeof PackErrorCode)[keyof typeof PackErrorCode];

export class PackError extends RelpackError {
  constructor(code: PackErrorCode, message: string, details: Record<string, unknown>) {
    super(code, message, details);
    this.name = 'PackError';
  }
}
