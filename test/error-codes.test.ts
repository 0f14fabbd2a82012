// The list of error codes, docs/errors.md and the CLI exit-code table agree.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  ApiConfigErrorCode,
  AuthErrorCode,
  DestinationErrorCode,
  JobErrorCode,
  PasswordErrorCode,
  PreferenceErrorCode,
  ProviderErrorCode,
  SecretErrorCode,
  SourceErrorCode,
  TemplateErrorCode,
  UrlErrorCode,
  UserErrorCode,
  WizardErrorCode,
} from '../src/app/index.js';
import { CliErrorCode } from '../src/cli/backend/http-backend.js';
import { exitCodeFor, knownExitMappings } from '../src/cli/exit-codes.js';
import { DeliveryErrorCode } from '../src/delivery/index.js';
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
import { HttpErrorCode, httpStatusFor, knownHttpMappings } from '../src/server/http-status.js';

const allCodes = [
  ...Object.values(CommonErrorCode),
  ...Object.values(RarErrorCode),
  ...Object.values(ZipErrorCode),
  ...Object.values(RuleErrorCode),
  ...Object.values(NamingErrorCode),
  ...Object.values(PackErrorCode),
  ...Object.values(TextErrorCode),
  ...Object.values(MediaErrorCode),
  ...Object.values(AuthErrorCode),
  ...Object.values(UserErrorCode),
  ...Object.values(PasswordErrorCode),
  ...Object.values(JobErrorCode),
  ...Object.values(SecretErrorCode),
  ...Object.values(SourceErrorCode),
  ...Object.values(PreferenceErrorCode),
  ...Object.values(TemplateErrorCode),
  ...Object.values(UrlErrorCode),
  ...Object.values(WizardErrorCode),
  ...Object.values(CliErrorCode),
  ...Object.values(ApiConfigErrorCode),
  ...Object.values(ProviderErrorCode),
  ...Object.values(DestinationErrorCode),
  ...Object.values(DeliveryErrorCode),
  ...Object.values(HttpErrorCode),
  'CONFIG_INVALID',
  'MIGRATION_FAILED',
];

describe('error codes', () => {
  it('are unique and UPPER_SNAKE', () => {
    expect(new Set(allCodes).size).toBe(allCodes.length);
    for (const code of allCodes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  });

  it('each have one row in docs/errors.md with the exit code and HTTP status the adapters use', async () => {
    const doc = await readFile(new URL('../docs/errors.md', import.meta.url), 'utf8');
    const rows = new Map(
      [...doc.matchAll(/^\| `([A-Z0-9_]+)`\s*\|\s*(\d)\s*\|\s*(\d{3})\s*\|/gm)].map(
        (m) => [m[1]!, { exit: Number(m[2]), http: Number(m[3]) }] as const,
      ),
    );
    expect([...rows.keys()].sort()).toEqual([...allCodes].sort());
    for (const code of allCodes) {
      expect(exitCodeFor(code), code).toBe(rows.get(code)!.exit);
      expect(httpStatusFor(code), code).toBe(rows.get(code)!.http);
    }
  });

  it('every exit and HTTP mapping names a real code', () => {
    for (const code of knownExitMappings()) expect(allCodes).toContain(code);
    for (const code of knownHttpMappings()) expect(allCodes).toContain(code);
  });
});
