import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CommonErrorCode, RelpackError } from '../errors.js';
import { PackError, PackErrorCode } from './pack-error.js';

/**
 * A release is built in `<parent>/.<name>.tmp-<id>/` and renamed to `<parent>/<name>/` only
 * after it validated, so an interrupted or refused pack never leaves a release-looking directory.
 */
export class StagingDirectory {
  private constructor(
    readonly path: string,
    readonly finalPath: string,
  ) {}

  static async create(finalPath: string): Promise<StagingDirectory> {
    await assertNoRelease(finalPath);
    const parent = dirname(finalPath);
    await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new RelpackError(CommonErrorCode.OUTPUT_UNWRITABLE, `Cannot create ${parent}: ${error.code}`, {
        path: parent,
      });
    });
    const path = join(parent, `.${basename(finalPath)}.tmp-${randomBytes(6).toString('hex')}`);
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      throw new RelpackError(CommonErrorCode.OUTPUT_UNWRITABLE, `Cannot create ${path}: ${error.code}`, {
        path,
      });
    });
    return new StagingDirectory(path, finalPath);
  }

  async publish(): Promise<void> {
    await assertNoRelease(this.finalPath);
    await rename(this.path, this.finalPath);
  }

  async discard(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}

async function assertNoRelease(path: string): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new PackError(
      PackErrorCode.RELEASE_EXISTS,
      `A release already exists at ${path}; remove it or choose another --out`,
      {
        path,
      },
    );
  }
}
