import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';

/** Stable codes of the SRR reader, writer and rebuilder; public API, never renamed or reused. */
export const SrrErrorCode = {
  NOT_SRR: 'SRR_NOT_SRR',
  CORRUPT: 'SRR_CORRUPT',
  TOO_LARGE: 'SRR_TOO_LARGE',
  NO_VOLUMES: 'SRR_NO_VOLUMES',
  COMPRESSED: 'SRR_COMPRESSED',
  UNSUPPORTED: 'SRR_UNSUPPORTED',
  SOURCE_MISSING: 'SRR_SOURCE_MISSING',
  SOURCE_MISMATCH: 'SRR_SOURCE_MISMATCH',
  VOLUME_MISMATCH: 'SRR_VOLUME_MISMATCH',
} as const satisfies Record<string, ErrorCode>;

export type SrrErrorCodeValue = (typeof SrrErrorCode)[keyof typeof SrrErrorCode];

export class SrrError<D extends object = Record<string, unknown>> extends RelpackError<D> {
  constructor(code: SrrErrorCodeValue, message: string, details: D, options?: { cause?: unknown }) {
    super(code, message, details, options);
    this.name = 'SrrError';
  }
}
