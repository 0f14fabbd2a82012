/** Exit codes of every relpack command (docs/cli.md). */
export const ExitCode = {
  OK: 0,
  RULE_VIOLATION: 1,
  USAGE: 2,
  INPUT: 3,
  REMOTE: 4,
  INTERNAL: 5,
  /** `relpack batch`: some items failed, the others succeeded. */
  PARTIAL_FAILURE: 6,
} as const;
