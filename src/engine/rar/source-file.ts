import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { CommonErrorCode, RelpackError, sourceErrorFromFs } from '../errors.js';

/**
 * Opens a planned source, refusing a link and a file whose size changed since planning. Sources
 * arrive with their links resolved (callers pass real paths): a link found here was swapped in
 * after the path was checked, and following it could pack a file from anywhere.
 */
export async function openSource(path: string, plannedSize: number): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ELOOP') {
        throw new RelpackError(
          CommonErrorCode.SOURCE_CHANGED,
          `The source was replaced by a link since it was checked: ${path}`,
          { path },
        );
      }
      throw sourceErrorFromFs(error, path);
    },
  );
  const size = (await handle.stat()).size;
  if (size !== plannedSize) {
    await handle.close();
    throw new RelpackError(CommonErrorCode.SOURCE_CHANGED, `Source changed size since planning: ${path}`, {
      path,
      plannedSize,
      size,
    });
  }
  return handle;
}

/** Reads exactly `length` bytes at `offset`, or fails SOURCE_CHANGED when the file ends first. */
export async function readExactly(
  handle: FileHandle,
  path: string,
  offset: number,
  length: number,
): Promise<Buffer> {
  const data = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(data, done, length - done, offset + done);
    if (bytesRead === 0) {
      throw new RelpackError(CommonErrorCode.SOURCE_CHANGED, `Source is shorter than when planned: ${path}`, {
        path,
      });
    }
    done += bytesRead;
  }
  return data;
}
