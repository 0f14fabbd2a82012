import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const PasswordErrorCode = { PASSWORD_TOO_WEAK: 'PASSWORD_TOO_WEAK' } as const satisfies Record<
  string,
  ErrorCode
>;

export const MIN_PASSWORD_LENGTH = 12;

let common: Promise<ReadonlySet<string>> | null = null;

/** The 49,000 most common passwords (zxcvbn-ts's list), loaded on first use only. */
function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set((m.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())),
  );
  return common;
}

function weak(reason: string): RelpackError {
  return new RelpackError(PasswordErrorCode.PASSWORD_TOO_WEAK, `Choose another password: ${reason}`, {
    minLength: MIN_PASSWORD_LENGTH,
  });
}

/**
 * A new password must be long (12 characters), must not be or contain the username, and must not
 * be a well-known password, with or without digits and symbols around it ("Password123!").
 */
export async function assertStrongPassword(password: string, username: string): Promise<void> {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw weak(`it must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name.length >= 3 && lower.includes(name)) throw weak('it must not contain the username');
  if (new Set(lower).size < 5) throw weak('it repeats too few different characters');
  const list = await commonPasswords();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (list.has(lower) || (core.length >= 4 && list.has(core))) {
    throw weak('it is one of the most common passwords, which are tried first');
  }
}
