// The list of error codes, docs/errors.md and the CLI exit-code table agree.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, knownExitMappings } from '../src/cli/exit-codes.js';
import {
  CommonErrorCode,
  MediaErrorCode,
  NamingErrorCode,
  PackErrorCode,
  RarErrorCode,
  RuleErrorCode,
  TextErrorCode,
  ZipErrorCode,
} from '../src/engine/index.js';

const allCodes = [
  ...Object.values(CommonErrorCode),
  ...Object.values(RarErrorCode),
  ...Object.values(ZipErrorCode),
  ...Object.values(RuleErrorCode),
  ...Object.values(NamingErrorCode),
  ...Object.values(PackErrorCode),
  ...Object.values(TextErrorCode),
  ...Object.values(MediaErrorCode),
];

describe('error codes', () => {
  it('are unique and UPPER_SNAKE', () => {
    expect(new Set(allCodes).size).toBe(allCodes.length);
    for (const code of allCodes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('each have one row in docs/errors.md with the exit code the CLI uses', async () => {
    const doc = await readFile(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([A-Z0-9_]+)`\s*\|\s*(\d)\s*\|/gm)].map((m) => [m[1]!, Number(m[2])] as const),
    );
    expect([...rows.keys()].sort()).toEqual([...allCodes].sort());
    for (const code of allCodes) expect(exitCodeFor(code), code).toBe(rows.get(code));
  });

  it('every exit mapping names a real code', () => {
    for (const code of knownExitMappings()) expect(allCodes).toContain(code);
  });
});
