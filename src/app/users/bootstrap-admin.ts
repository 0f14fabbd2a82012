import { randomBytes } from 'node:crypto';
import type { AppServices } from '../services.js';

export interface BootstrapResult {
  readonly created: boolean;
  readonly username?: string;
  /** Set only when relpack generated the password: show it once, it is stored only as a hash. */
  readonly generatedPassword?: string;
}

/** First start with no users: create `admin` with RELPACK_ADMIN_PASSWORD or a generated password. */
export async function bootstrapAdmin(services: AppServices): Promise<BootstrapResult> {
  if ((await services.repos.users.count()) > 0) return { created: false };
  const given = services.config.adminPassword;
  const password = given ?? randomBytes(12).toString('base64url');
  await services.users.create(null, { username: 'admin', password, role: 'admin' });
  return given
    ? { created: true, username: 'admin' }
    : { created: true, username: 'admin', generatedPassword: password };
}
