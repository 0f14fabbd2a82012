/** Exit codes of every relpack command (docs/cli.md). */
export const ExitCode = {
  OK: 0,
  RULE_VIOLATION: 1,
  USAGE: 2,
  INPUT: 3,
  REMOTE: 4,
  INTERNAL: 5,
} as const;

/** The one table from error code to exit code; nothing branches on message text. */
const EXIT_CODE_BY_ERROR: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: ExitCode.USAGE,
  OUTPUT_NOT_EMPTY: ExitCode.USAGE,
  OUTPUT_EXISTS: ExitCode.USAGE,
  RAR_VOLUME_TOO_SMALL: ExitCode.USAGE,
  RAR_TOO_MANY_VOLUMES: ExitCode.USAGE,
  RAR_NAME_INVALID: ExitCode.USAGE,
  RAR_DUPLICATE_NAME: ExitCode.USAGE,
  RAR_NO_FILES: ExitCode.USAGE,
  ZIP_NAME_NOT_8_3: ExitCode.USAGE,
  ZIP_DUPLICATE_ENTRY: ExitCode.USAGE,
  ZIP_ENTRY_NAME_INVALID: ExitCode.USAGE,
  SOURCE_NOT_FOUND: ExitCode.INPUT,
  SOURCE_UNREADABLE: ExitCode.INPUT,
  SOURCE_CHANGED: ExitCode.INPUT,
  OUTPUT_UNWRITABLE: ExitCode.INPUT,
  RAR_NOT_RAR: ExitCode.INPUT,
  RAR_TRUNCATED: ExitCode.INPUT,
  RAR_HEADER_CORRUPT: ExitCode.INPUT,
  RAR_UNSUPPORTED: ExitCode.INPUT,
  RAR_SIZE_MISMATCH: ExitCode.INTERNAL,
  ABORTED: ExitCode.INTERNAL,
  RULE_VIOLATION: ExitCode.RULE_VIOLATION,
  UNKNOWN_PROFILE: ExitCode.USAGE,
  NAME_MISSING_FIELDS: ExitCode.USAGE,
  NAME_INVALID_FIELD: ExitCode.USAGE,
  NAME_WRONG_PROFILE_KIND: ExitCode.USAGE,
  SOURCE_TYPE_NOT_ALLOWED: ExitCode.USAGE,
  SOURCE_TYPE_MISMATCH: ExitCode.INPUT,
  METADATA_UNREADABLE: ExitCode.INPUT,
  VOLUME_SIZE_NOT_ALLOWED: ExitCode.USAGE,
  TOO_MANY_VOLUMES: ExitCode.USAGE,
  RAR_FORMAT_NOT_ALLOWED: ExitCode.USAGE,
  RELEASE_EXISTS: ExitCode.USAGE,
  NOT_A_RELEASE_DIRECTORY: ExitCode.INPUT,
  SAMPLE_TOOL_MISSING: ExitCode.USAGE,
  SAMPLE_FAILED: ExitCode.INTERNAL,
  SOURCE_TOO_SHORT_FOR_SAMPLE: ExitCode.INPUT,
  TEMPLATE_INVALID: ExitCode.USAGE,
  TEMPLATE_RENDER_FAILED: ExitCode.USAGE,
};

export function exitCodeFor(errorCode: string): number {
  return EXIT_CODE_BY_ERROR[errorCode] ?? ExitCode.INTERNAL;
}

export function knownExitMappings(): readonly string[] {
  return Object.keys(EXIT_CODE_BY_ERROR);
}
