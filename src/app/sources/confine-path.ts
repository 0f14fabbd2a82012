import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { RelpackError, sourceErrorFromFs } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const SourceErrorCode = {
  PATH_OUTSIDE_ROOT: 'PATH_OUTSIDE_ROOT',
  UPLOAD_QUOTA_EXCEEDED: 'UPLOAD_QUOTA_EXCEEDED',
} as const satisfies Record<string, ErrorCode>;

/**
 * Resolves `path` with realpath (so `..` and symlinks are followed first) and accepts it only
 * inside one of `roots`, also resolved: a symlink inside a root pointing out of it is refused.
 */
export async function confineToRoots(path: string, roots: readonly string[]): Promise<string> {
  if (!isAbsolute(path)) {
    throw new RelpackError(SourceErrorCode.PATH_OUTSIDE_ROOT, `The source path must be absolute: ${path}`, {
      path,
    });
  }
  const real = await realpath(path).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null);
    if (!realRoot) continue;
    const rel = relative(realRoot, real);
    if (rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))) return real;
  }
  throw new RelpackError(
    SourceErrorCode.PATH_OUTSIDE_ROOT,
    `${path} is outside the allowed source directories`,
    {
      path,
      roots,
    },
  );
}
