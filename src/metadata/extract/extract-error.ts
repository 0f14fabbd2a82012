import { MediaErrorCode, RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const ExtractErrorCode = {
  /** The file is not what its type says, or is damaged where the metadata lives (shared with the engine's readers). */
  METADATA_UNREADABLE: MediaErrorCode.METADATA_UNREADABLE,
} as const satisfies Record<string, ErrorCode>;

export class ExtractError extends RelpackError {
  constructor(
    code: (typeof ExtractErrorCode)[keyof typeof ExtractErrorCode],
    message: string,
    details: Record<string, unknown>,
  ) {
    super(code, message, details);
    this.name = 'ExtractError';
  }
}

export type { Extracted } from '../../engine/index.js';
