import type { FileHandle } from 'node:fs/promises';

/** Writes gathered this large go out in one call. */
const FLUSH_BYTES = 1 << 20;

/**
 * Consecutive pieces of a volume (its head, small parts with their headers, its end block) gathered
 * and written with one `writev`: a part of a 4 KiB file costs one call instead of two, and ten
 * thousand of them one call per megabyte. One gathered write is in flight while the next megabyte
 * is read and gathered, so reading does not wait for writing.
 */
export class CoalescedWrites {
  private pieces: Buffer[] = [];
  private start = 0;
  private bytes = 0;
  private inFlight: Promise<void> | null = null;

  constructor(private readonly target: FileHandle) {}

  /** Adds `piece` at `position`, which must follow what is gathered (or start a new run). */
  async add(piece: Buffer, position: number): Promise<void> {
    if (this.bytes > 0 && position !== this.start + this.bytes) await this.flush();
    if (this.bytes === 0) this.start = position;
    this.pieces.push(piece);
    this.bytes += piece.length;
    if (this.bytes >= FLUSH_BYTES) await this.flush();
  }

  /** Starts writing what is gathered, once the write before it has finished. */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.bytes === 0) return;
    const pieces = this.pieces;
    const start = this.start;
    this.pieces = [];
    this.bytes = 0;
    const writing = this.writeAll(pieces, start);
    writing.catch(() => undefined); // seen by the next flush or by settle
    this.inFlight = writing;
  }

  /** Everything gathered is written (or its failure thrown). */
  async settle(): Promise<void> {
    await this.flush();
    const last = this.inFlight;
    this.inFlight = null;
    await last;
  }

  private async writeAll(pieces: Buffer[], start: number): Promise<void> {
    const total = pieces.reduce((n, p) => n + p.length, 0);
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
