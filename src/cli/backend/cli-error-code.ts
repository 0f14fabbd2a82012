import type { ErrorCode } from '../../errors/index.js';

/** The codes the CLI raises itself, about the server it talks to. */
export const CliErrorCode = {
  SERVER_UNREACHABLE: 'SERVER_UNREACHABLE',
  SERVER_BAD_RESPONSE: 'SERVER_BAD_RESPONSE',
} as const satisfies Record<string, ErrorCode>;
