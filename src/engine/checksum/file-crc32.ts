import { open } from 'node:fs/promises';
import { crc32 } from './crc32.js';

const READ_CHUNK_BYTES = 1 << 20;

/** CRC-32 and size of a whole file, read in 1 MiB chunks (constant memory). */
export async function crc32OfFile(
  path: string,
  signal?: AbortSignal,
): Promise<{ crc32: number; size: number }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let crc = 0;
    let size = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK_BYTES, size);
      if (bytesRead === 0) break;
      crc = crc32(buffer.subarray(0, bytesRead), crc);
      size += bytesRead;
    }
    return { crc32: crc, size };
  } finally {
    await handle.close();
  }
}
