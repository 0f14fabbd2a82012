import type { Role } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';

/** Who is asking: every use-case that is not open to every signed-in user checks it itself. */
export interface Caller {
  readonly userId: string | null;
  readonly role: Role;
}

/** The admin-only rule, in the use-case: the API's route guard and the CLI both end up here. */
export function requireAdmin(caller: Caller, what: string): void {
  if (caller.role !== 'admin') throw new RelpackError('FORBIDDEN', `Only an admin can ${what}`, {});
}
