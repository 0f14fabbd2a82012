import { randomBytes } from 'node:crypto';
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CommonErrorCode, RelpackError } from '../errors.js';

/** `dir/name.tmp-<id>`: a name no finished release ever uses, so a crash never leaves a plausible file. */
export function tempPathFor(finalPath: string, id: string = randomBytes(6).toString('hex')): string {
  return join(dirname(finalPath), `${basename(finalPath)}.tmp-${id}`);
}

/** Writes `data` to a temp name, fsyncs it and moves it into place; refuses to replace an existing file. */
export async function writeFileAtomic(
  finalPath: string,
  data: Uint8Array | string,
  options: { overwrite?: boolean; durable?: boolean } = {},
): Promise<void> {
  const temp = tempPathFor(finalPath);
  const handle = await open(temp, 'wx', 0o644).catch((error: NodeJS.ErrnoException) => {
    throw new RelpackError(CommonErrorCode.OUTPUT_UNWRITABLE, `Cannot create ${temp}: ${error.code}`, {
      path: temp,
    });
  });
  try {
    await handle.writeFile(data);
    if (options.durable !== false) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (options.overwrite) await rename(temp, finalPath);
    else await placeWithoutClobber(temp, finalPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function assertAbsent(path: string): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new RelpackError(CommonErrorCode.OUTPUT_EXISTS, `Refusing to overwrite ${path}`, { path });
  }
}

/** Moves `temp` to `final`; link() fails with EEXIST instead of replacing, so nothing is clobbered. */
export async function placeWithoutClobber(temp: string, final: string): Promise<void> {
  try {
    await link(temp, final);
    await rm(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new RelpackError(CommonErrorCode.OUTPUT_EXISTS, `Refusing to overwrite ${final}`, {
        path: final,
      });
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    await assertAbsent(final); // file systems without hard links: check, then rename
    await rename(temp, final);
  }
}
