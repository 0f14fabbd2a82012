// The error registry is the one list of codes: docs/errors.md is rendered from it, each capability's
// code list is part of it, and a code outside it does not compile.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
import { CliErrorCode } from '../src/cli/backend/cli-error-code.js';
import { DeliveryErrorCode } from '../src/delivery/index.js';
import {
  CommonErrorCode,
  MediaErrorCode,
  NamingErrorCode,
  PackErrorCode,
  RarErrorCode,
  RuleErrorCode,
  SrrErrorCode,
  TextErrorCode,
  ZipErrorCode,
} from '../src/engine/index.js';
import {
  ERRORS,
  type ErrorCode,
  ExitCode,
  exitCodeFor,
  httpStatusFor,
  knownCode,
  RelpackError,
  renderErrorTable,
} from '../src/errors/index.js';
import { HttpErrorCode } from '../src/server/http-status.js';

const docPath = new URL('../docs/errors.md', import.meta.url);
const registered = Object.keys(ERRORS) as ErrorCode[];
const capabilityLists = [
  CommonErrorCode,
  RarErrorCode,
  SrrErrorCode,
  ZipErrorCode,
  RuleErrorCode,
  NamingErrorCode,
  PackErrorCode,
  TextErrorCode,
  MediaErrorCode,
  AuthErrorCode,
  UserErrorCode,
  PasswordErrorCode,
  JobErrorCode,
  SecretErrorCode,
  SourceErrorCode,
  PreferenceErrorCode,
  TemplateErrorCode,
  UrlErrorCode,
  WizardErrorCode,
  CliErrorCode,
  ApiConfigErrorCode,
  ProviderErrorCode,
  DestinationErrorCode,
  DeliveryErrorCode,
  HttpErrorCode,
];

async function sourceTexts(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceTexts(path)));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !path.includes('/errors/'))
      out.push(await readFile(path, 'utf8'));
  }
  return out;
}

describe('error registry', () => {
  it('holds UPPER_SNAKE codes, each with a real status, exit code, meaning and fix', () => {
    const exits = new Set<number>(Object.values(ExitCode));
    for (const code of registered) {
      const spec = ERRORS[code];
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(spec.http, code).toBeGreaterThanOrEqual(400);
      expect(spec.http, code).toBeLessThan(600);
      expect(exits.has(spec.exit), code).toBe(true);
      expect(spec.exit, code).toBeGreaterThan(ExitCode.OK);
      expect(spec.meaning.length, code).toBeGreaterThan(5);
      expect(spec.since, code).toMatch(/^#\d+(, #\d+)*$/);
      expect(httpStatusFor(code)).toBe(spec.http);
      expect(exitCodeFor(code)).toBe(spec.exit);
    }
  });

  it('docs/errors.md carries the table rendered from the registry', async () => {
    const doc = await readFile(docPath, 'utf8');
    const start = doc.indexOf('| code ');
    expect(start, 'docs/errors.md has no table').toBeGreaterThan(0);
    const rendered = `${doc.slice(0, start)}${renderErrorTable()}\n`;
    if (process.env.UPDATE_ERRORS_DOC) return writeFile(docPath, rendered);
    expect(doc, 'run UPDATE_ERRORS_DOC=1 npx vitest run test/error-codes.test.ts').toBe(rendered);
  });

  it("each capability's code list names registered codes, and together they cover the registry", () => {
    const listed = capabilityLists.flatMap((list) => Object.values(list) as string[]);
    expect(new Set(listed).size, 'a code is listed by two capabilities').toBe(listed.length);
    const unlisted = registered.filter((c) => !listed.includes(c));
    // The two codes of the settings and migration layers are raised by their own classes.
    expect(unlisted.sort()).toEqual(['CONFIG_INVALID', 'MIGRATION_FAILED']);
  });

  it('has no code that nothing raises', async () => {
    const texts = (await sourceTexts(new URL('../src/', import.meta.url).pathname)).join('\n');
    const dead = registered.filter((c) => !new RegExp(`['.]${c}\\b`).test(texts));
    expect(dead).toEqual([]);
  });

  it('turns a code from outside (a stored job, a server answer) into a known one', () => {
    expect(knownCode('JOB_NOT_FOUND')).toBe('JOB_NOT_FOUND');
    expect(knownCode('NO_SUCH_CODE')).toBe('INTERNAL_ERROR');
    expect(knownCode(undefined, 'ABORTED')).toBe('ABORTED');
  });

  it('refuses a misspelt code at compile time', () => {
    // @ts-expect-error a code outside the registry is a type error (tsc --noEmit runs in lint).
    const error = new RelpackError('JOB_NOT_FUOND', 'x', {});
    expect(error.code).toBe('JOB_NOT_FUOND');
  });
});
