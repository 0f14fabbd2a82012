import type { PlannedSegment } from './segment-header.js';
import { openSource, readExactly } from './source-file.js';
import type { RarVolumePlan } from './volume-plan.js';

/** Parts up to this size are read whole, ahead of their turn; larger ones stream through RangeCopier. */
export const SMALL_SEGMENT_BYTES = 64 * 1024;
/** How many small parts are read ahead of the writer (at most 1 MiB held). */
const READ_AHEAD = 16;

export const isSmallSegment = (segment: PlannedSegment) => segment.length <= SMALL_SEGMENT_BYTES;

/**
 * Small parts, in plan order, read a few ahead of the writer. One after another, a folder of 10,000
 * small files cost four file-system round trips per file (open, stat, read, close) before its bytes
 * could be written; read ahead, those overlap with writing the files before it.
 */
export class SmallSegmentReader {
  private readonly order: PlannedSegment[];
  private readonly position = new Map<PlannedSegment, number>();
  private readonly inFlight = new Map<number, Promise<Buffer>>();
  private nextToStart = 0;

  constructor(
    private readonly plan: RarVolumePlan,
    private readonly sources: readonly string[],
  ) {
    this.order = plan.volumes.flatMap((v) => v.segments.filter(isSmallSegment));
    for (const [index, segment] of this.order.entries()) this.position.set(segment, index);
  }

  /** The bytes of `segment` (which must be small), starting the reads of the parts after it. */
  async read(segment: PlannedSegment): Promise<Buffer> {
    const index = this.position.get(segment);
    if (index === undefined) throw new TypeError('not a small segment of this plan');
    this.nextToStart = Math.max(this.nextToStart, index);
    while (this.nextToStart < Math.min(index + READ_AHEAD, this.order.length)) this.start(this.nextToStart++);
    const pending = this.inFlight.get(index) ?? this.readOne(index);
    this.inFlight.delete(index);
    return pending;
  }

  /** Waits for every read still in flight (each closes its own file), after a failure or abort. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
    this.inFlight.clear();
  }

  private start(index: number): void {
    if (this.inFlight.has(index)) return;
    const pending = this.readOne(index);
    pending.catch(() => undefined); // seen when the writer reaches it; not unhandled meanwhile
    this.inFlight.set(index, pending);
  }

  private async readOne(index: number): Promise<Buffer> {
    const segment = this.order[index]!;
    const path = this.sources[segment.fileIndex]!;
    const handle = await openSource(path, this.plan.files[segment.fileIndex]!.size);
    try {
      return await readExactly(handle, path, segment.offset, segment.length);
    } finally {
      await handle.close();
    }
  }
}
