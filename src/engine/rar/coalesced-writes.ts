import type { FileHandle } from 'node:fs/promises';

/** Writes gathered this large go out in one call. */
const FLUSH_BYTES = 1 << 20;

/**
 * Consecutive pieces of a volume (its head, small parts with their headers, its end block) gathered
 * and written with one `writev`: a part of a 4 KiB file costs one call instead of two, and ten
 * thousand of them one call per megabyte.
 */
export class CoalescedWrites {
  private pieces: Buffer[] = [];
  private start = 0;
  private bytes = 0;

  constructor(private readonly target: FileHandle) {}

  /** Adds `piece` at `position`, which must follow what is gathered (or start a new run). */
  async add(piece: Buffer, position: number): Promise<void> {
    if (this.bytes > 0 && position !== this.start + this.bytes) await this.flush();
    if (this.bytes === 0) this.start = position;
    this.pieces.push(piece);
    this.bytes += piece.length;
    if (this.bytes >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    const pieces = this.pieces;
    const start = this.start;
    const total = this.bytes;
    this.pieces = [];
    this.bytes = 0;
    const { bytesWritten } = await this.target.writev(pieces, start);
    // writev may stop short (a signal, a full disk reporting late): the rest goes out plainly.
    if (bytesWritten < total) {
      await writeFully(this.target, Buffer.concat(pieces).subarray(bytesWritten), start + bytesWritten);
    }
  }
}

export async function writeFully(target: FileHandle, chunk: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await target.write(chunk, done, chunk.length - done, position + done);
    done += bytesWritten;
  }
}
