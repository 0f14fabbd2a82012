import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, crc32Combine } from '../checksum/crc32.js';
import { CommonErrorCode, RelpackError } from '../errors.js';
import { assertAbsent, placeWithoutClobber, tempPathFor } from '../fs/atomic-file.js';
import { CoalescedWrites } from './coalesced-writes.js';
import { RarError, RarErrorCode } from './errors.js';
import { RangeCopier } from './range-copier.js';
import { RAR4_SIGNATURE } from './rar4-block.js';
import { encodeRar4ArchiveEndHeader, encodeRar4VolumeEndHeader } from './rar4-end-header.js';
import { encodeRar4MainHeader, Rar4MainFlags } from './rar4-main-header.js';
import { RAR5_SIGNATURE } from './rar5-block.js';
import { encodeRar5EndHeader } from './rar5-end-header.js';
import { encodeRar5MainHeader, Rar5ArchiveFlags } from './rar5-main-header.js';
import { encodeSegmentHeader, type PlannedSegment } from './segment-header.js';
import { isSmallSegment, SmallSegmentReader } from './small-segment-reader.js';
import { openSource } from './source-file.js';
import type { PlannedVolume, RarVolumePlan } from './volume-plan.js';

export interface RarWriteProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly volumeIndex: number;
  readonly volumeCount: number;
  readonly volumeFileName: string;
}

export interface RarWriteOptions {
  /** Source path of each planned file, same order as `plan.files`. */
  readonly sources: readonly string[];
  readonly outputDir: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RarWriteProgress) => void;
  /** fsync each volume before it is renamed into place (default true). */
  readonly durable?: boolean;
}

export interface WrittenVolume {
  readonly fileName: string;
  readonly path: string;
  readonly size: number;
  readonly crc32: number;
}

export interface RarWriteResult {
  readonly volumes: readonly WrittenVolume[];
  readonly files: readonly { name: string; size: number; crc32: number }[];
}

/**
 * Streams the planned files into volumes: each source byte is read once, its CRC32 taken on the
 * way, and each file header is written after its part (its CRC is known only then) into room the
 * plan reserved. Volume CRCs come from combining the pieces' CRCs, so nothing is read back.
 * Small parts (a folder of small files) are read a few ahead and written with their headers in
 * one call; large ones stream through RangeCopier.
 * Volumes are written as `name.tmp-<id>` and linked into place only when all are complete;
 * on any failure every temp file is removed and no volume appears under its final name.
 */
export async function writeRarVolumes(
  plan: RarVolumePlan,
  options: RarWriteOptions,
): Promise<RarWriteResult> {
  if (options.sources.length !== plan.files.length) {
    throw new TypeError(`expected ${plan.files.length} sources, got ${options.sources.length}`);
  }
  const runId = randomBytes(6).toString('hex');
  const temps = plan.volumes.map((v) => tempPathFor(join(options.outputDir, v.fileName), runId));
  const finals = plan.volumes.map((v) => join(options.outputDir, v.fileName));
  for (const path of finals) await assertAbsent(path);
  const state: WriteState = {
    plan,
    options,
    copier: new RangeCopier(),
    small: new SmallSegmentReader(plan, options.sources),
    fileCrcs: plan.files.map(() => 0),
    bytesDone: 0,
    source: null,
  };
  const volumes: WrittenVolume[] = [];
  const placed: string[] = [];
  const flushing = new VolumeFlusher(options.durable !== false);
  try {
    for (const volume of plan.volumes) {
      const { crc: volumeCrc, handle } = await writeVolume(state, volume, temps[volume.index]!);
      await flushing.add(handle);
      volumes.push({
        fileName: volume.fileName,
        path: finals[volume.index]!,
        size: volume.size,
        crc32: volumeCrc,
      });
    }
    await closeSource(state);
    await flushing.drain();
    for (let i = 0; i < temps.length; i++) {
      await placeWithoutClobber(temps[i]!, finals[i]!);
      placed.push(finals[i]!);
    }
  } catch (error) {
    await closeSource(state).catch(() => undefined);
    await flushing.abandon();
    await Promise.all([...temps, ...placed].map((path) => rm(path, { force: true })));
    if (options.signal?.aborted) {
      throw new RelpackError(CommonErrorCode.ABORTED, 'Archive writing was cancelled', {}, { cause: error });
    }
    throw error;
  }
  return {
    volumes,
    files: plan.files.map((f) => ({ name: f.name, size: f.size, crc32: state.fileCrcs[f.index]! })),
  };
}

interface WriteState {
  readonly plan: RarVolumePlan;
  readonly options: RarWriteOptions;
  readonly copier: RangeCopier;
  readonly small: SmallSegmentReader;
  readonly fileCrcs: number[];
  bytesDone: number;
  source: { index: number; handle: FileHandle } | null;
}

/**
 * Writes one volume and hands back its still-open handle: the caller flushes it to disk while the
 * next volume is being written, so write-back overlaps copying instead of stalling it.
 */
async function writeVolume(
  state: WriteState,
  volume: PlannedVolume,
  tempPath: string,
): Promise<{ crc: number; handle: FileHandle }> {
  const { plan, options } = state;
  const out = await open(tempPath, 'wx', 0o644).catch((error: NodeJS.ErrnoException) => {
    throw new RelpackError(CommonErrorCode.OUTPUT_UNWRITABLE, `Cannot create ${tempPath}: ${error.code}`, {
      path: tempPath,
    });
  });
  const writes = new CoalescedWrites(out);
  try {
    const head = Buffer.concat(volumeStart(plan, volume.index));
    await writes.add(head, 0);
    let position = head.length;
    let volumeCrc = crc32(head);
    for (const segment of volume.segments) {
      const file = plan.files[segment.fileIndex]!;
      const dataStart = position + segment.headerSize;
      let dataCrc: number;
      let header: Buffer;
      if (isSmallSegment(segment)) {
        const data = await state.small.read(segment);
        dataCrc = crc32(data);
        header = segmentHeader(state, segment, dataCrc);
        // Header first, then the data right behind it: both join the gathered write.
        await writes.add(header, position);
        await writes.add(data, dataStart);
        reportBytes(state, volume, data.length);
      } else {
        await writes.flush();
        const source = await sourceFor(state, segment.fileIndex);
        const copied = await state.copier.copy(
          source,
          segment.offset,
          out,
          dataStart,
          segment.length,
          (bytes) => reportBytes(state, volume, bytes),
          options.signal,
        );
        if (copied.bytesCopied !== segment.length) {
          throw new RelpackError(
            CommonErrorCode.SOURCE_CHANGED,
            `Source "${file.name}" is shorter than when planned`,
            {
              name: file.name,
              plannedSize: file.size,
            },
          );
        }
        dataCrc = copied.crc32;
        header = segmentHeader(state, segment, dataCrc);
        // The header goes in the room left before the data, now that the data's CRC is known.
        await out.write(header, 0, header.length, position);
      }
      options.signal?.throwIfAborted();
      volumeCrc = crc32Combine(
        crc32Combine(volumeCrc, crc32(header), header.length),
        dataCrc,
        segment.length,
      );
      position = dataStart + segment.length;
    }
    const end = volumeEnd(plan, volume.index, volumeCrc);
    await writes.add(end, position);
    await writes.settle();
    position += end.length;
    volumeCrc = crc32(end, volumeCrc);
    if (position !== volume.size) {
      throw new RarError(RarErrorCode.SIZE_MISMATCH, 'Volume size differs from the plan', {
        volume: volume.fileName,
        planned: volume.size,
        actual: position,
      });
    }
    return { crc: volumeCrc, handle: out };
  } catch (error) {
    await writes.settle().catch(() => undefined);
    await out.close();
    throw error;
  }
}

/** Counts bytes of source data written, for the progress callback. */
function reportBytes(state: WriteState, volume: PlannedVolume, bytes: number): void {
  state.bytesDone += bytes;
  state.options.onProgress?.({
    bytesDone: state.bytesDone,
    bytesTotal: state.plan.dataSize,
    volumeIndex: volume.index,
    volumeCount: state.plan.volumes.length,
    volumeFileName: volume.fileName,
  });
}

/**
 * The header of one part, once its data's CRC is known: a split part carries its own CRC, the
 * last part of a file the CRC of the whole file (combined from its parts, none read again).
 */
function segmentHeader(state: WriteState, segment: PlannedSegment, dataCrc: number): Buffer {
  const file = state.plan.files[segment.fileIndex]!;
  const fileCrc = crc32Combine(state.fileCrcs[file.index]!, dataCrc, segment.length);
  state.fileCrcs[file.index] = fileCrc;
  const header = encodeSegmentHeader(
    state.plan.format,
    file,
    segment,
    segment.isSplitAfter ? dataCrc : fileCrc,
  );
  if (header.length !== segment.headerSize) {
    throw new RarError(RarErrorCode.SIZE_MISMATCH, 'File header size differs from the plan', {
      planned: segment.headerSize,
      actual: header.length,
    });
  }
  return header;
}

/**
 * One volume is flushed while the next is written. More hurts: each fsync holds one of libuv's
 * four pool threads, and with four in flight reads and writes of the copy stall (measured: 4× slower).
 */
const MAX_FLUSHING_VOLUMES = 2;

/** Flushes (fsync) and closes finished volumes in the background, a bounded number at a time. */
class VolumeFlusher {
  private readonly pending: Promise<void>[] = [];

  constructor(private readonly durable: boolean) {}

  async add(handle: FileHandle): Promise<void> {
    const done = (this.durable ? handle.sync() : Promise.resolve()).finally(() => handle.close());
    done.catch(() => undefined); // observed later by drain(); avoid an unhandled rejection meanwhile
    this.pending.push(done);
    if (this.pending.length >= MAX_FLUSHING_VOLUMES) await this.pending.shift();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }

  async abandon(): Promise<void> {
    await Promise.allSettled(this.pending.splice(0));
  }
}

function volumeStart(plan: RarVolumePlan, index: number): Buffer[] {
  const isFirst = index === 0;
  if (plan.format === 'rar4') {
    let headFlags = 0;
    if (plan.isVolumeSet) {
      headFlags |= Rar4MainFlags.VOLUME;
      if (isFirst) headFlags |= Rar4MainFlags.FIRST_VOLUME;
      if (plan.naming === 'part') headFlags |= Rar4MainFlags.NEW_NUMBERING;
    }
    return [RAR4_SIGNATURE, encodeRar4MainHeader({ headFlags })];
  }
  let archiveFlags = 0;
  if (plan.isVolumeSet) {
    archiveFlags |= Rar5ArchiveFlags.VOLUME;
    if (!isFirst) archiveFlags |= Rar5ArchiveFlags.VOLUME_NUMBER;
  }
  return [RAR5_SIGNATURE, encodeRar5MainHeader({ archiveFlags, volumeNumber: index })];
}

function volumeEnd(plan: RarVolumePlan, index: number, crcSoFar: number): Buffer {
  const isLastVolume = index === plan.volumes.length - 1;
  if (plan.format === 'rar5') return encodeRar5EndHeader({ isLastVolume: !plan.isVolumeSet || isLastVolume });
  if (!plan.isVolumeSet) return encodeRar4ArchiveEndHeader();
  return encodeRar4VolumeEndHeader({ isLastVolume, dataCrc: crcSoFar, volumeNumber: index });
}

/** Keeps one source open at a time; sources are consumed in plan order. */
async function sourceFor(state: WriteState, fileIndex: number): Promise<FileHandle> {
  if (state.source?.index === fileIndex) return state.source.handle;
  await closeSource(state);
  const path = state.options.sources[fileIndex]!;
  const handle = await openSource(path, state.plan.files[fileIndex]!.size);
  state.source = { index: fileIndex, handle };
  return handle;
}

async function closeSource(state: WriteState): Promise<void> {
  const current = state.source;
  state.source = null;
  if (current) await current.handle.close();
}
