import { RarError, RarErrorCode } from './errors.js';
import type { DosTimeZone } from './file-time.js';
import { type PlannedFile, planEntries, type RarHostOs, type RarInputFile } from './rar-entry.js';
import { RAR4_SIGNATURE } from './rar4-block.js';
import { RAR4_ARCHIVE_END_HEADER_SIZE, RAR4_VOLUME_END_HEADER_SIZE } from './rar4-end-header.js';
import { RAR4_MAIN_HEADER_SIZE } from './rar4-main-header.js';
import { RAR5_SIGNATURE } from './rar5-block.js';
import { RAR5_END_HEADER_SIZE } from './rar5-end-header.js';
import { encodeRar5MainHeader, Rar5ArchiveFlags } from './rar5-main-header.js';
import { type PlannedSegment, segmentHeaderSize } from './segment-header.js';
import { vintLength } from './vint.js';
import {
  assertNamingAllowed,
  maxVolumesFor,
  type RarFormat,
  type VolumeNaming,
  volumeFileName,
} from './volume-naming.js';

export interface RarPlanInput {
  readonly files: readonly RarInputFile[];
  readonly format: RarFormat;
  /** Bytes per volume, headers included; omit for one archive that is not a volume set. */
  readonly volumeSize?: number;
  readonly naming: VolumeNaming;
  /** Volume names are `<baseName>.rar`, `<baseName>.r00`, … or `<baseName>.partN.rar`. */
  readonly baseName: string;
  /** Default `windows`: host OS 2 and attribute 0x20, as WinRAR writes them. */
  readonly hostOs?: RarHostOs;
  /** Default `local`, as rar does. */
  readonly dosTimeZone?: DosTimeZone;
}

export interface PlannedVolume {
  readonly index: number;
  readonly fileName: string;
  /** Exact size in bytes the writer will produce. */
  readonly size: number;
  readonly segments: readonly PlannedSegment[];
}

export interface RarVolumePlan {
  readonly format: RarFormat;
  readonly naming: VolumeNaming;
  readonly isVolumeSet: boolean;
  readonly volumeSize: number | null;
  readonly files: readonly PlannedFile[];
  readonly volumes: readonly PlannedVolume[];
  readonly totalSize: number;
  readonly dataSize: number;
}

/** Signature + main header + end header of volume `index`. */
export function volumeOverhead(format: RarFormat, index: number, isVolumeSet: boolean): number {
  if (format === 'rar4') {
    return (
      RAR4_SIGNATURE.length +
      RAR4_MAIN_HEADER_SIZE +
      (isVolumeSet ? RAR4_VOLUME_END_HEADER_SIZE : RAR4_ARCHIVE_END_HEADER_SIZE)
    );
  }
  return RAR5_SIGNATURE.length + rar5MainHeaderSize(index, isVolumeSet) + RAR5_END_HEADER_SIZE;
}

function rar5MainHeaderSize(index: number, isVolumeSet: boolean): number {
  if (!isVolumeSet) return encodeRar5MainHeader({ archiveFlags: 0, volumeNumber: 0 }).length;
  const archiveFlags = Rar5ArchiveFlags.VOLUME | (index > 0 ? Rar5ArchiveFlags.VOLUME_NUMBER : 0);
  return encodeRar5MainHeader({ archiveFlags, volumeNumber: index }).length;
}

/**
 * Lays out every file part in every volume before a byte is written, so the exact size of each
 * volume is known to the NFO, the DIZ and the writer (which asserts it wrote exactly this).
 * Every volume but the last is exactly `volumeSize` bytes; a part fills the room a volume has
 * left. The one exception is a multi-file set where the room left after a file is too small
 * for the next file's header plus one byte: that volume closes short, as rar's does.
 *
 * @example
 * const plan = planRarVolumes({ files, format: 'rar4', volumeSize: 50_000_000, naming: 'old', baseName: 'x' });
 * plan.volumes.map((v) => [v.fileName, v.size]);
 */
export function planRarVolumes(input: RarPlanInput): RarVolumePlan {
  assertNamingAllowed(input.format, input.naming);
  const isVolumeSet = input.volumeSize !== undefined;
  if (isVolumeSet && (!Number.isSafeInteger(input.volumeSize) || input.volumeSize! <= 0)) {
    throw new RarError(
      RarErrorCode.VOLUME_TOO_SMALL,
      'Volume size must be a positive whole number of bytes',
      {
        volumeSize: input.volumeSize,
      },
    );
  }
  const files = planEntries(input.files, {
    format: input.format,
    hostOs: input.hostOs ?? 'windows',
    dosTimeZone: input.dosTimeZone ?? 'local',
  });
  const layouts = layOutVolumes(input, files, isVolumeSet);
  // An archive that is not a volume set is `name.rar` whatever the naming (as rar without -v).
  const names = layouts.map((_, index) =>
    volumeFileName(input.baseName, index, layouts.length, isVolumeSet ? input.naming : 'old'),
  );
  const volumes = layouts.map((layout, index) =>
    Object.freeze({
      index,
      fileName: names[index]!,
      size: layout.size,
      segments: Object.freeze(layout.segments),
    }),
  );
  return Object.freeze({
    format: input.format,
    naming: input.naming,
    isVolumeSet,
    volumeSize: input.volumeSize ?? null,
    files: Object.freeze(files),
    volumes: Object.freeze(volumes),
    totalSize: volumes.reduce((sum, v) => sum + v.size, 0),
    dataSize: files.reduce((sum, f) => sum + f.size, 0),
  });
}

interface VolumeLayout {
  size: number;
  segments: PlannedSegment[];
}

function layOutVolumes(
  input: RarPlanInput,
  files: readonly PlannedFile[],
  isVolumeSet: boolean,
): VolumeLayout[] {
  const { format } = input;
  const capacity = input.volumeSize ?? Number.MAX_SAFE_INTEGER;
  const maxVolumes = maxVolumesFor(input.naming);
  const layouts: VolumeLayout[] = [];
  let current: VolumeLayout;
  let room = 0;
  const openVolume = () => {
    if (layouts.length >= maxVolumes) {
      throw new RarError(
        RarErrorCode.TOO_MANY_VOLUMES,
        `More than ${maxVolumes} volumes needed with ${input.naming} naming; choose a larger volume size`,
        {
          max: maxVolumes,
          naming: input.naming,
          volumeSize: input.volumeSize,
        },
      );
    }
    const overhead = volumeOverhead(format, layouts.length, isVolumeSet);
    current = { size: overhead, segments: [] };
    layouts.push(current);
    room = capacity - overhead;
  };
  openVolume();
  for (const file of files) {
    let offset = 0;
    for (;;) {
      const rest = file.size - offset;
      const wholeHeader = segmentHeaderSize(format, file, rest, 1);
      if (room >= wholeHeader + rest) {
        place(file, offset, rest, wholeHeader, 1, false);
        break;
      }
      // Split: the part takes all the room left; RAR5 writes Data size at the width `room` needs.
      const width = format === 'rar5' ? vintLength(room) : 1;
      const header = segmentHeaderSize(format, file, room, width);
      const slice = room - header;
      if (rest > 0 && slice >= 1) {
        place(file, offset, slice, header, width, true);
        offset += slice;
      } else if (current!.segments.length === 0) {
        throw tooSmall(input, format, file, isVolumeSet);
      }
      openVolume();
    }
  }
  return layouts;

  function place(
    file: PlannedFile,
    offset: number,
    length: number,
    header: number,
    width: number,
    splitAfter: boolean,
  ) {
    current.segments.push(
      Object.freeze({
        fileIndex: file.index,
        offset,
        length,
        isSplitBefore: offset > 0,
        isSplitAfter: splitAfter,
        headerSize: header,
        dataSizeVintLength: width,
      }),
    );
    current.size += header + length;
    room -= header + length;
  }
}

function tooSmall(input: RarPlanInput, format: RarFormat, file: PlannedFile, isVolumeSet: boolean): RarError {
  const minimum = volumeOverhead(format, 1, isVolumeSet) + segmentHeaderSize(format, file, 1, 4) + 1;
  return new RarError(
    RarErrorCode.VOLUME_TOO_SMALL,
    `Volume size ${input.volumeSize} bytes cannot hold the RAR headers and any data of "${file.name}"; use at least ${minimum} bytes`,
    { volumeSize: input.volumeSize, minimumVolumeSize: minimum, file: file.name },
  );
}
