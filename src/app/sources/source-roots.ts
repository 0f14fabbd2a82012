import { join } from 'node:path';
import type { Role } from '../../db/index.js';

export interface RootViewer {
  /** null: the machine's own user (`relpack pack --job` on the command line), who owns every upload. */
  readonly userId: string | null;
  readonly role: Role;
}

/**
 * Where a user may take sources from: the shared roots an admin configured, plus uploads. An
 * upload belongs to its uploader (kept under `<uploads>/<user id>/`), so an operator sees only
 * their own; admins see everyone's.
 */
export class SourceRoots {
  constructor(
    readonly shared: readonly string[],
    readonly uploadsDir: string,
  ) {}

  for(viewer: RootViewer): string[] {
    const uploads =
      viewer.role === 'admin' || viewer.userId === null ? this.uploadsDir : this.uploadDirOf(viewer.userId);
    return [...this.shared, uploads];
  }

  uploadDirOf(userId: string): string {
    return join(this.uploadsDir, userId);
  }
}
