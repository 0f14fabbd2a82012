import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
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
      throw openError(error, path);
    },
  );
  const size = (await handle.stat()).size;
  if (size !== plannedSize) {
    await handle.close();
    throw sizeChanged(path, plannedSize, size);
  }
  return handle;
}

/**
 * The bytes `offset … offset+length` of a small planned source, with the checks of openSource,
 * in synchronous calls: for a 4 KiB file these cost a tenth of the same calls through the thread
 * pool. Callers run them in time slices (TimeSlice) so the event loop is not held.
 *
 * A part that ends its file is read with one byte more asked for, given room for it in `into`:
 * the read that comes back one byte short is the size check, so a folder of small files costs
 * open, read and close, no fstat. A read that fills the extra byte means the file grew.
 */
export function readSourceSync(
  path: string,
  plannedSize: number,
  offset: number,
  length: number,
  into: Buffer = Buffer.allocUnsafe(length + 1),
): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    throw openError(error as NodeJS.ErrnoException, path);
  }
  try {
    const probesEnd = offset + length === plannedSize && into.length > length;
    if (!probesEnd) {
      const size = fstatSync(fd).size;
      if (size !== plannedSize) throw sizeChanged(path, plannedSize, size);
    }
    const want = probesEnd ? length + 1 : length;
    const room = into.subarray(0, want);
    let done = 0;
    while (done < want) {
      const bytesRead = readSync(fd, room, done, want - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    if (done > length) throw sizeChanged(path, plannedSize, fstatSync(fd).size);
    if (done < length) throw shorter(path);
    return room.subarray(0, length);
  } catch (error) {
    if (error instanceof RelpackError) throw error;
    throw sourceErrorFromFs(error, path);
  } finally {
    closeSync(fd);
  }
}

function openError(error: NodeJS.ErrnoException, path: string): RelpackError {
  if (error.code === 'ELOOP') {
    return new RelpackError(
      CommonErrorCode.SOURCE_CHANGED,
      `The source was replaced by a link since it was checked: ${path}`,
      { path },
    );
  }
  return sourceErrorFromFs(error, path);
}

const sizeChanged = (path: string, plannedSize: number, size: number) =>
  new RelpackError(CommonErrorCode.SOURCE_CHANGED, `Source changed size since planning: ${path}`, {
    path,
    plannedSize,
    size,
  });

const shorter = (path: string) =>
  new RelpackError(CommonErrorCode.SOURCE_CHANGED, `Source is shorter than when planned: ${path}`, { path });
