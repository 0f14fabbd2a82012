import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `dir/name.tmp-<id>`: a name no finished release ever uses, so a crash never leaves a plausible file. */
export function tempPathFor(finalPath: string, id: string = randomBytes(6).toString('hex')): string {
  return join(dirname(finalPath), `${basename(finalPath)}.tmp-${id}`);
}

/** Writes `data` to a temp name, fsyncs it and renames it into place; refuses to replace an existing file. */
export async function writeFileAtomic(
  finalPath: string,
  data: Uint8Array | string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const temp = tempPathFor(finalPath);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (!options.overwrite) await assertAbsent(finalPath);
    await rename(temp, finalPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function assertAbsent(path: string): Promise<void> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    const error = new Error(`EEXIST: file already exists, ${path}`) as NodeJS.ErrnoException;
    error.code = 'EEXIST';
    throw error;
  }
}
