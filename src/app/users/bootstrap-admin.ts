import { randomBytes } from 'node:crypto';
import { isRelpackError, RelpackError } from '../../engine/index.js';
import { PasswordErrorCode } from '../auth/password-policy.js';
import type { UserService } from './user-service.js';

export interface BootstrapResult {
  readonly created: boolean;
  readonly username?: string;
  /** Set only when relpack generated the password: show it once, it is stored only as a hash. */
  readonly generatedPassword?: string;
}

/** First start with no users: create `admin` with RELPACK_ADMIN_PASSWORD or a generated password. */
export async function bootstrapAdmin(
  users: UserService,
  adminPassword: string | undefined,
): Promise<BootstrapResult> {
  if ((await users.count()) > 0) return { created: false };
  const given = adminPassword;
  const password = given ?? randomBytes(12).toString('base64url');
  await users.create(null, { username: 'admin', password, role: 'admin' }).catch((error) => {
    if (isRelpackError(error) && error.code === PasswordErrorCode.PASSWORD_TOO_WEAK) {
      throw new RelpackError('CONFIG_INVALID', `RELPACK_ADMIN_PASSWORD is too weak: ${error.message}`, {
        variable: 'RELPACK_ADMIN_PASSWORD',
      });
    }
    throw error;
  });
  return given
    ? { created: true, username: 'admin' }
    : { created: true, username: 'admin', generatedPassword: password };
}

/** What to tell the person who started relpack when the first admin was just made (else null). */
export function bootstrapNotice(result: BootstrapResult): string | null {
  if (result.generatedPassword) {
    return (
      `relpack: created user "admin" with password ${result.generatedPassword}\n` +
      '         it is shown only now; sign in and change it (or set RELPACK_ADMIN_PASSWORD before the first start)'
    );
  }
  return result.created
    ? 'relpack: created user "admin" with the password from RELPACK_ADMIN_PASSWORD'
    : null;
}
