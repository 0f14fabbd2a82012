import type { PlannedFile } from './rar-entry.js';
import {
  encodeRar4FileHeader,
  RAR4_METHOD_STORE,
  RAR4_STORE_UNP_VER,
  Rar4FileFlags,
  rar4FileHeaderSize,
} from './rar4-file-header.js';
import { Rar5HeaderFlags } from './rar5-block.js';
import { encodeRar5FileHeader, RAR5_COMPRESSION_STORE, Rar5FileFlags } from './rar5-file-header.js';
import type { RarFormat } from './volume-naming.js';

/** Where one part of one file sits in one volume. */
export interface PlannedSegment {
  readonly fileIndex: number;
  /** Offset of this part in the source file. */
  readonly offset: number;
  readonly length: number;
  readonly isSplitBefore: boolean;
  readonly isSplitAfter: boolean;
  readonly headerSize: number;
  /** RAR5: width the Data size vint is written with (padded so the planned size is exact). */
  readonly dataSizeVintLength: number;
}

/** Header size of a part of `file` carrying `dataSize` bytes, written with a vint of at least `vintLength`. */
export function segmentHeaderSize(
  format: RarFormat,
  file: PlannedFile,
  dataSize: number,
  vintLength = 1,
): number {
  if (format === 'rar4')
    return rar4FileHeaderSize(file.storedName.length, file.isLarge, file.extTime?.length ?? 0);
  return encodeSegmentHeader(
    format,
    file,
    { length: dataSize, dataSizeVintLength: vintLength } as PlannedSegment,
    0,
  ).length;
}

/**
 * The file header written before a part. `crc` is the part's own CRC32 when it is split after,
 * otherwise the whole file's (T4, T5, U MergeArchive): the last part carries the file's CRC.
 */
export function encodeSegmentHeader(
  format: RarFormat,
  file: PlannedFile,
  segment: Pick<PlannedSegment, 'length' | 'isSplitBefore' | 'isSplitAfter' | 'dataSizeVintLength'>,
  crc: number,
): Buffer {
  if (format === 'rar4') {
    let headFlags = Rar4FileFlags.LONG_BLOCK | Rar4FileFlags.DICTIONARY_4096K;
    if (segment.isSplitBefore) headFlags |= Rar4FileFlags.SPLIT_BEFORE;
    if (segment.isSplitAfter) headFlags |= Rar4FileFlags.SPLIT_AFTER;
    if (file.isLarge) headFlags |= Rar4FileFlags.LARGE;
    if (file.isUnicodeName) headFlags |= Rar4FileFlags.UNICODE;
    if (file.extTime) headFlags |= Rar4FileFlags.EXT_TIME;
    return encodeRar4FileHeader({
      headFlags,
      packSize: segment.length,
      unpSize: file.size,
      hostOs: file.hostOs,
      fileCrc: crc,
      ftime: file.dosTime,
      unpVer: RAR4_STORE_UNP_VER,
      method: RAR4_METHOD_STORE,
      fileName: file.storedName,
      attr: file.attributes,
      extTime: file.extTime,
    });
  }
  let headerFlags = 0;
  if (segment.isSplitBefore) headerFlags |= Rar5HeaderFlags.SPLIT_BEFORE;
  if (segment.isSplitAfter) headerFlags |= Rar5HeaderFlags.SPLIT_AFTER;
  return encodeRar5FileHeader({
    headerFlags,
    dataSize: segment.length,
    dataSizeVintLength: segment.dataSizeVintLength,
    fileFlags: Rar5FileFlags.UNIX_MTIME | Rar5FileFlags.DATA_CRC32,
    unpackedSize: file.size,
    attributes: file.attributes,
    mtime: clampUint32(file.mtime.unixSeconds),
    dataCrc32: crc,
    compressionInfo: RAR5_COMPRESSION_STORE,
    hostOs: file.hostOs,
    name: file.storedName,
  });
}

function clampUint32(seconds: number): number {
  return Math.min(Math.max(seconds, 0), 0xffffffff);
}
