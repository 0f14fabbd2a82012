import { TimeSlice } from '../fs/time-slice.js';
import type { PlannedSegment } from './segment-header.js';
import { readSourceSync } from './source-file.js';
import type { RarVolumePlan } from './volume-plan.js';

/** Parts up to this size are read whole, ahead of their turn; larger ones stream through RangeCopier. */
export const SMALL_SEGMENT_BYTES = 64 * 1024;
/** Small parts read ahead of the writer are held up to this many bytes. */
const READ_AHEAD_BYTES = 1 << 20;
const SLAB_BYTES = 1 << 20;

export const isSmallSegment = (segment: PlannedSegment) => segment.length <= SMALL_SEGMENT_BYTES;

/**
 * Small parts, in plan order, read ahead of the writer in synchronous slices. Through the thread
 * pool a folder of 10,000 4 KiB files cost four round trips per file (open, stat, read, close),
 * about 100 µs; as plain system calls they cost about 10 µs, and a slice of them (TimeSlice) ends
 * after a few milliseconds so the event loop still turns.
 */
export class SmallSegmentReader {
  private readonly order: PlannedSegment[];
  private readonly position = new Map<PlannedSegment, number>();
  private readonly ready = new Map<number, Buffer>();
  private readyBytes = 0;
  private nextToRead = 0;
  private readonly slice = new TimeSlice();
  private slab = Buffer.alloc(0);
  private slabUsed = 0;

  constructor(
    private readonly plan: RarVolumePlan,
    private readonly sources: readonly string[],
  ) {
    this.order = plan.volumes.flatMap((v) => v.segments.filter(isSmallSegment));
    for (const [index, segment] of this.order.entries()) this.position.set(segment, index);
  }

  /** The bytes of `segment` (which must be small), reading the parts after it while the slice lasts. */
  async read(segment: PlannedSegment): Promise<Buffer> {
    const index = this.position.get(segment);
    if (index === undefined) throw new TypeError('not a small segment of this plan');
    if (!this.ready.has(index)) {
      await this.slice.yieldIfSpent();
      this.nextToRead = Math.max(this.nextToRead, index);
      do this.readOne(this.nextToRead++);
      while (this.nextToRead < this.order.length && this.readyBytes < READ_AHEAD_BYTES && !this.slice.spent);
    }
    const data = this.ready.get(index)!;
    this.ready.delete(index);
    this.readyBytes -= data.length;
    return data;
  }

  /**
   * Reads one part into the current slab: one allocation per megabyte instead of one per file
   * (10,000 4 KiB buffers kept the garbage collector busy). A slab is never reused, since the
   * writer holds its parts until they are written.
   */
  private readOne(index: number): void {
    const segment = this.order[index]!;
    const file = this.plan.files[segment.fileIndex]!;
    // One byte more than the part: readSourceSync checks a file's end with it (see there).
    const roomBytes = segment.length + 1;
    if (this.slab.length - this.slabUsed < roomBytes) {
      this.slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, roomBytes));
      this.slabUsed = 0;
    }
    const room = this.slab.subarray(this.slabUsed, this.slabUsed + roomBytes);
    const data = readSourceSync(
      this.sources[segment.fileIndex]!,
      file.size,
      segment.offset,
      segment.length,
      room,
    );
    this.slabUsed += segment.length;
    this.ready.set(index, data);
    this.readyBytes += data.length;
  }
}
