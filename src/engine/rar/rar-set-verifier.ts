import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32, crc32Combine } from '../checksum/crc32.js';
import { isRelpackError } from '../errors.js';
import { discoverRarSet } from './rar-set-discovery.js';
import type { RarFileBlockInfo, RarVolumeInfo } from './rar-volume-info.js';
import { readRarVolume } from './rar-volume-reader.js';
import { siblingVolumeName } from './volume-naming.js';

/** What a set check can find; ids are stable (the validator and tests match on them). */
export const RarCheck = {
  VOLUME_MISSING: 'rar.volume-missing',
  VOLUME_UNREADABLE: 'rar.volume-unreadable',
  SET_INCOMPLETE: 'rar.set-incomplete',
  HEADER_CRC: 'rar.header-crc',
  DATA_CRC: 'rar.data-crc',
  FILE_CRC: 'rar.file-crc',
  VOLUME_CRC: 'rar.volume-crc',
  VOLUME_NUMBER: 'rar.volume-number',
  CHAIN_BROKEN: 'rar.chain-broken',
  FIRST_VOLUME_FLAG: 'rar.first-volume-flag',
  SIZE_MISMATCH: 'rar.size-mismatch',
  /** A volume before the last whose end block says no volume follows. */
  END_FLAG: 'rar.end-flag',
  /** A part of a split file that disagrees with its first part in how it is stored (method, host). */
  PART_MISMATCH: 'rar.part-mismatch',
  /**
   * A later part repeats its first part's time, attributes or unpacked size differently. Genuine
   * scene releases do this (vectors/srr: IMMERSE's parts carry their own times, ORENJI's later
   * parts a larger size); UnRAR, 7-Zip and rarfile extract them from the first part's header.
   */
  PART_DRIFT: 'rar.part-drift',
  /** MHD_FIRSTVOLUME on a volume after the first (IMMERSE sets it on all 24; every reader copes). */
  FIRST_VOLUME_FLAG_REPEATED: 'rar.first-volume-flag-repeated',
} as const;

export type RarCheckId = (typeof RarCheck)[keyof typeof RarCheck];

/** What genuine scene releases do and the mainstream readers cope with: reported, never failing a set. */
export const RAR_WARNING_CHECKS: ReadonlySet<RarCheckId> = new Set([
  RarCheck.PART_DRIFT,
  RarCheck.FIRST_VOLUME_FLAG_REPEATED,
]);

export interface RarSetProblem {
  readonly check: RarCheckId;
  readonly message: string;
  /** The volume the problem is in, or the missing volume's name (as the folder would hold it). */
  readonly volume?: string;
  readonly file?: string;
  /** Volumes whose damage explains this problem (a file CRC wrong because a part is missing). */
  readonly causedBy?: readonly string[];
}

export interface RarSetFile {
  readonly name: string;
  readonly size: number;
  /** CRC of the extracted bytes (null when data was not checked or the file is incomplete) */
  readonly crc32: number | null;
  readonly parts: number;
}

export interface RarSetReport {
  readonly volumes: readonly (RarVolumeInfo & { readonly crc32: number | null })[];
  readonly files: readonly RarSetFile[];
  readonly problems: readonly RarSetProblem[];
  readonly isOk: boolean;
}

/**
 * Reads a whole volume set from its first volume and checks what UnRAR and pyReScene check:
 * header CRCs, the chain of split parts, volume numbers and flags, and (with `checkData`, the
 * default) every part CRC, every whole-file CRC and RAR4's per-volume DATACRC. Each volume is
 * read once, sequentially. Every problem is reported; none stops the check.
 */
export async function verifyRarSet(
  firstVolumePath: string,
  options: { checkData?: boolean; signal?: AbortSignal } = {},
): Promise<RarSetReport> {
  const checkData = options.checkData !== false;
  const problems: RarSetProblem[] = [];
  const discovered = await discoverRarSet(firstVolumePath);
  const volumes: VolumeWithCrcs[] = [];
  const missing = new Map<number, string>();
  let expectedIndex = 0;
  for (const entry of discovered) {
    for (; expectedIndex < entry.index; expectedIndex++) {
      const name = siblingVolumeName(basename(entry.path), expectedIndex);
      missing.set(expectedIndex, name);
      problems.push({ check: RarCheck.VOLUME_MISSING, message: `${name} is missing`, volume: name });
    }
    expectedIndex = entry.index + 1;
    try {
      const info = await readRarVolume(entry.path);
      const crcs = checkData ? await volumeCrcs(info, options.signal) : null;
      volumes.push({
        ...info,
        index: entry.index,
        crc32: crcs?.volume ?? null,
        partCrcs: crcs?.parts,
        endCrc: crcs?.beforeEnd,
      });
    } catch (error) {
      if (!isRelpackError(error)) throw error;
      problems.push({
        check: RarCheck.VOLUME_UNREADABLE,
        message: error.message,
        volume: basename(entry.path),
      });
    }
  }
  checkVolumes(volumes, problems, missing);
  const files = checkFiles(volumes, problems, checkData, missing);
  return {
    volumes: volumes.map(({ index: _index, partCrcs: _parts, endCrc: _end, ...v }) => v),
    files,
    problems,
    isOk: problems.every((p) => RAR_WARNING_CHECKS.has(p.check)),
  };
}

type VolumeWithCrcs = RarVolumeInfo & {
  /** From the file name: .rar 0, .r00 1 …; part1 0 … */
  index: number;
  crc32: number | null;
  partCrcs?: Map<number, number> | undefined;
  endCrc?: number | undefined;
};

function checkVolumes(
  volumes: readonly VolumeWithCrcs[],
  problems: RarSetProblem[],
  missing: Map<number, string>,
): void {
  const firstFlagAgain: string[] = [];
  volumes.forEach((volume, position) => {
    const name = basename(volume.path);
    for (const block of volume.blocks) {
      if (!block.headerCrcOk) {
        problems.push({
          check: RarCheck.HEADER_CRC,
          message: `Header CRC mismatch in block at offset ${block.offset}`,
          volume: name,
        });
      }
    }
    const isLast = position === volumes.length - 1;
    if (volume.end && !volume.end.isLastVolume && isLast) {
      const next = siblingVolumeName(name, volume.index + 1);
      missing.set(volume.index + 1, next);
      problems.push({
        check: RarCheck.SET_INCOMPLETE,
        message: `${next} is missing: ${name}, the last volume found, says more follow`,
        volume: next,
      });
    }
    // Readers stop at a volume that says it is the last: what follows is never extracted.
    if (volume.isVolume && volume.end?.isLastVolume && !isLast) {
      problems.push({
        check: RarCheck.END_FLAG,
        message: `The end block says this is the last volume, but ${volumes.length - 1 - position} more follow`,
        volume: name,
      });
    }
    if (volume.isVolume && volume.isFirstVolume === false && position === 0) {
      problems.push({
        check: RarCheck.FIRST_VOLUME_FLAG,
        message: 'The first volume does not carry the first-volume flag',
        volume: name,
      });
    } else if (volume.isVolume && volume.isFirstVolume === true && position > 0) {
      firstFlagAgain.push(name);
    }
    // Against the name, not the position among the volumes found: a missing volume before this
    // one is reported once, as missing, and does not make every later number look wrong.
    if (volume.volumeNumber !== null && volume.volumeNumber !== volume.index) {
      problems.push({
        check: RarCheck.VOLUME_NUMBER,
        message: `The header numbers it volume ${volume.volumeNumber + 1} of the set; its name, volume ${volume.index + 1}`,
        volume: name,
      });
    }
    if (volume.endCrc !== undefined && volume.end?.dataCrc != null && volume.end.dataCrc !== volume.endCrc) {
      problems.push({
        check: RarCheck.VOLUME_CRC,
        message: 'ENDARC DATACRC does not match the volume bytes',
        volume: name,
      });
    }
  });
  // One finding for the set: IMMERSE sets the flag on all 24 volumes, which is one habit, not 23 faults.
  if (firstFlagAgain.length > 0) {
    problems.push({
      check: RarCheck.FIRST_VOLUME_FLAG_REPEATED,
      message:
        firstFlagAgain.length === 1
          ? `${firstFlagAgain[0]} carries the first-volume flag but is not the first volume`
          : `${firstFlagAgain.length} volumes after the first carry the first-volume flag (${firstFlagAgain[0]} to ${firstFlagAgain.at(-1)})`,
      volume: firstFlagAgain[0]!,
    });
  }
}

interface OpenFile {
  header: RarFileBlockInfo;
  readonly first: RarFileBlockInfo;
  crc: number | null;
  size: number;
  parts: number;
  /** Volume index of the last part seen. */
  lastIndex: number;
  /** Missing volumes inside the file's run, and volumes whose part of it has a wrong CRC. */
  readonly damaged: string[];
  /** The missing ones alone: only they change what the parts add up to. */
  readonly gaps: string[];
}

function checkFiles(
  volumes: readonly VolumeWithCrcs[],
  problems: RarSetProblem[],
  checkData: boolean,
  missing: ReadonlyMap<number, string>,
): RarSetFile[] {
  const files: RarSetFile[] = [];
  const drift = new PartDrift();
  let open: OpenFile | null = null;
  const causes = (state: OpenFile, only: 'damaged' | 'gaps' = 'damaged') =>
    state[only].length > 0 ? { causedBy: [...state[only]] } : {};
  const finish = (state: OpenFile, volume: string) => {
    if (state.size !== state.header.unpackedSize) {
      problems.push({
        check: RarCheck.SIZE_MISMATCH,
        message: `Parts add up to ${state.size} bytes, header says ${state.header.unpackedSize}`,
        volume,
        file: state.header.name,
        ...causes(state, 'gaps'),
      });
    }
    files.push({
      name: state.header.name,
      size: state.header.unpackedSize,
      crc32: state.crc,
      parts: state.parts,
    });
  };
  for (const volume of volumes) {
    const vname = basename(volume.path);
    volume.files.forEach((header, i) => {
      const partCrc = volume.partCrcs?.get(header.offset) ?? null;
      if (header.isSplitBefore) {
        if (!open || open.header.name !== header.name || i !== 0) {
          problems.push({
            check: RarCheck.CHAIN_BROKEN,
            message: `"${header.name}" continues a file the previous volume did not leave open`,
            volume: vname,
            file: header.name,
          });
          open = newOpenFile(header, null, volume.index);
        } else {
          for (let gap = open.lastIndex + 1; gap < volume.index; gap++) {
            const name = missing.get(gap);
            if (name) open.damaged.push(name);
            if (name) open.gaps.push(name);
          }
          const differs = partDifferences(open.first, header);
          if (differs.stored.length > 0) {
            problems.push({
              check: RarCheck.PART_MISMATCH,
              message: `Part ${open.parts + 1} of "${header.name}" differs from its first part in ${differs.stored.join(', ')}`,
              volume: vname,
              file: header.name,
            });
          }
          if (differs.repeated.length > 0) drift.add(header.name, open.parts + 1, vname, differs.repeated);
          open.crc =
            open.crc === null || partCrc === null ? null : crc32Combine(open.crc, partCrc, header.dataSize);
          open.size += header.dataSize;
          open.parts++;
          open.lastIndex = volume.index;
          open.header = { ...header, unpackedSize: open.header.unpackedSize };
        }
      } else {
        if (open) {
          problems.push({
            check: RarCheck.CHAIN_BROKEN,
            message: `"${open.header.name}" is split but its next part is missing`,
            volume: vname,
            file: open.header.name,
            ...causes(open),
          });
          finish(open, vname);
        }
        open = newOpenFile(header, checkData ? (partCrc ?? 0) : null, volume.index);
      }
      const state: OpenFile = open!;
      if (header.isSplitAfter && i !== volume.files.length - 1) {
        problems.push({
          check: RarCheck.CHAIN_BROKEN,
          message: `"${header.name}" is marked as continued in the next volume, but more files follow it here`,
          volume: vname,
          file: header.name,
        });
      }
      if (
        checkData &&
        partCrc !== null &&
        header.isStored &&
        !header.isEncrypted &&
        header.dataCrc !== null
      ) {
        if (header.isSplitAfter && header.dataCrc !== partCrc) {
          problems.push({
            check: RarCheck.DATA_CRC,
            message: `Part CRC mismatch for "${header.name}"`,
            volume: vname,
            file: header.name,
          });
          state.damaged.push(vname);
        } else if (!header.isSplitAfter && state.crc !== null && header.dataCrc !== state.crc) {
          problems.push({
            check: RarCheck.FILE_CRC,
            message: `File CRC mismatch for "${header.name}"`,
            volume: vname,
            file: header.name,
            ...causes(state),
          });
        }
      }
      if (!header.isSplitAfter) {
        finish(state, vname);
        open = null;
      }
    });
  }
  if (open) {
    const last = volumes.at(-1);
    const cut: OpenFile = open;
    const next = last ? missing.get(last.index + 1) : undefined;
    if (next) cut.damaged.push(next);
    if (next) cut.gaps.push(next);
    problems.push({
      check: RarCheck.CHAIN_BROKEN,
      message: `"${cut.header.name}" continues past the last volume`,
      volume: last ? basename(last.path) : undefined,
      file: cut.header.name,
      ...causes(cut),
    });
    // Still a file of the set, only cut short: what the set holds is told by its headers.
    files.push({ name: cut.header.name, size: cut.header.unpackedSize, crc32: null, parts: cut.parts });
  }
  problems.push(...drift.problems());
  return files;
}

function newOpenFile(header: RarFileBlockInfo, crc: number | null, index: number): OpenFile {
  return {
    header,
    first: header,
    crc,
    size: header.dataSize,
    parts: 1,
    lastIndex: index,
    damaged: [],
    gaps: [],
  };
}

/** Later parts that repeat their first part's fields differently, one finding per file. */
class PartDrift {
  private readonly byFile = new Map<string, { parts: number[]; volumes: string[]; fields: string[] }>();

  add(file: string, part: number, volume: string, fields: readonly string[]): void {
    const entry = this.byFile.get(file) ?? { parts: [], volumes: [], fields: [] };
    entry.parts.push(part);
    entry.volumes.push(volume);
    for (const field of fields) if (!entry.fields.includes(field)) entry.fields.push(field);
    this.byFile.set(file, entry);
  }

  problems(): RarSetProblem[] {
    return [...this.byFile].map(([file, { parts, volumes, fields }]) => ({
      check: RarCheck.PART_DRIFT,
      message:
        parts.length === 1
          ? `Part ${parts[0]} of "${file}" differs from its first part in ${fields.join(', ')}`
          : `${parts.length} later parts of "${file}" (${volumes[0]} to ${volumes.at(-1)}) differ from its first part in ${fields.join(', ')}`,
      volume: volumes[0]!,
      file,
    }));
  }
}

/**
 * The fields every part of a split file repeats from its first part, where they differ: how the
 * data is stored (a reader decodes each part by its own header) apart from what readers take
 * from the first part only (time, attributes, unpacked size; the parts' sum is checked apart).
 */
function partDifferences(first: RarFileBlockInfo, part: RarFileBlockInfo) {
  const stored: string[] = [];
  const repeated: string[] = [];
  if (part.unpackedSize !== first.unpackedSize)
    repeated.push(`unpacked size (${part.unpackedSize}, first part ${first.unpackedSize})`);
  if ((part.mtime?.getTime() ?? null) !== (first.mtime?.getTime() ?? null))
    repeated.push('modification time');
  if (part.attributes !== first.attributes) repeated.push('attributes');
  if (part.hostOs !== first.hostOs) stored.push('host OS');
  if (part.method !== first.method || part.version !== first.version) stored.push('method');
  return { stored, repeated };
}

/** One sequential pass: the CRC of each part's data, of the bytes before ENDARC, and of the whole volume. */
async function volumeCrcs(info: RarVolumeInfo, signal?: AbortSignal) {
  const ranges = info.files.map((f) => ({
    key: f.offset,
    start: f.dataOffset,
    end: f.dataOffset + f.dataSize,
    crc: 0,
  }));
  const endOffset = info.end?.offset ?? info.size;
  const handle = await open(info.path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let volume = 0;
  let beforeEnd = 0;
  let position = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const chunkEnd = position + bytesRead;
      volume = crc32(chunk, volume);
      if (position < endOffset)
        beforeEnd = crc32(chunk.subarray(0, Math.min(bytesRead, endOffset - position)), beforeEnd);
      for (const range of ranges) {
        if (range.end <= position || range.start >= chunkEnd) continue;
        const from = Math.max(range.start, position) - position;
        const to = Math.min(range.end, chunkEnd) - position;
        range.crc = crc32(chunk.subarray(from, to), range.crc);
      }
      position = chunkEnd;
    }
  } finally {
    await handle.close();
  }
  return { volume, beforeEnd, parts: new Map(ranges.map((r) => [r.key, r.crc])) };
}
