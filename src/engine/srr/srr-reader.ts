import { RarError } from '../rar/errors.js';
import type { RarBlockInfo, RarEndInfo, RarFileBlockInfo } from '../rar/rar-volume-info.js';
import { RAR4_SIGNATURE, Rar4BlockType } from '../rar/rar4-block.js';
import { parseRar4Block, rar4VolumeInfo } from '../rar/rar4-header-reader.js';
import { RAR5_SIGNATURE } from '../rar/rar5-block.js';
import {
  type ParsedRar5Header,
  parseRar5Header,
  rar5HeaderLength,
  rar5VolumeInfo,
} from '../rar/rar5-header-reader.js';
import type { RarFormat } from '../rar/volume-naming.js';
import { SrrError, SrrErrorCode } from './errors.js';
import { SRR_BLOCK_HEADER_SIZE, SrrBlockType, SrrFlags } from './srr-block.js';
import type {
  SrrArchivedFile,
  SrrFile,
  SrrOsoHash,
  SrrStoredFile,
  SrrVolume,
  SrrVolumeBlock,
} from './srr-file.js';

/**
 * SRRs hold headers and small files: the two scene vectors are 27 and 38 KB, srrDB's largest with
 * proof images a few MB. Anything past this is refused before it is read into memory.
 */
export const MAX_SRR_BYTES = 64 * 1024 * 1024;

/** SRR_TOO_LARGE for a file of `size` bytes. */
export function srrTooLarge(path: string, size: number): SrrError {
  return new SrrError(
    SrrErrorCode.TOO_LARGE,
    `${path} is ${size} bytes; an SRR is at most ${MAX_SRR_BYTES}`,
    {
      path,
      size,
      limit: MAX_SRR_BYTES,
    },
  );
}

/** RAR 4's old-style recovery block (PROTECT_HEAD). */
const RAR4_OLD_RECOVERY = 0x78;

/**
 * Parses a whole `.srr` held in memory. Every length is checked against the bytes there are, so a
 * damaged or hostile SRR ends in an SrrError naming the offset, never a read past the end.
 *
 * @example
 * const srr = parseSrr(await readFile('Show.S01E01.720p.HDTV.x264-GRP.srr'));
 * srr.volumes.map((v) => [v.name, v.size]);
 */
export function parseSrr(bytes: Buffer, path = '<srr>'): SrrFile {
  if (bytes.length > MAX_SRR_BYTES) throw srrTooLarge(path, bytes.length);
  if (bytes.length < SRR_BLOCK_HEADER_SIZE || bytes[2] !== SrrBlockType.HEADER) {
    throw new SrrError(
      SrrErrorCode.NOT_SRR,
      `${path} is not an SRR file: it does not start with an SRR header block`,
      {
        path,
      },
    );
  }
  const reader = new SrrReader(bytes, path);
  return reader.read();
}

class VolumeBuilder {
  format: RarFormat = 'rar4';
  readonly blocks: SrrVolumeBlock[] = [];
  readonly rar5Headers: ParsedRar5Header[] = [];
  end: RarEndInfo | null = null;
  size = 0;

  constructor(
    readonly name: string,
    readonly recoveryRemoved: boolean,
  ) {}

  add(block: SrrVolumeBlock): void {
    this.blocks.push(block);
    this.size += block.raw.length + (block.copy?.size ?? 0) + block.removed;
  }

  build(): SrrVolume {
    const infos = this.blocks.map((b) => b.info).filter((b): b is RarBlockInfo => b !== null);
    const info =
      this.format === 'rar5'
        ? rar5VolumeInfo(this.name, this.size, this.rar5Headers)
        : rar4VolumeInfo(this.name, this.size, infos, this.end);
    return {
      name: this.name,
      format: this.format,
      recoveryRemoved: this.recoveryRemoved,
      blocks: this.blocks,
      size: this.size,
      info,
    };
  }
}

class SrrReader {
  private offset = 0;
  private appName: string | null = null;
  private readonly storedFiles: SrrStoredFile[] = [];
  private readonly volumes: SrrVolume[] = [];
  private readonly osoHashes: SrrOsoHash[] = [];
  private unknownBlocks = 0;
  private volume: VolumeBuilder | null = null;
  /** True while the bytes at `offset` are the current volume's RAR blocks. */
  private inRar = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly path: string,
  ) {}

  read(): SrrFile {
    while (this.offset < this.bytes.length) {
      if (this.inRar && this.readRarBlock()) continue;
      this.inRar = false;
      this.readSrrBlock();
    }
    this.closeVolume();
    return {
      appName: this.appName,
      storedFiles: this.storedFiles,
      volumes: this.volumes,
      files: archivedFiles(this.volumes),
      osoHashes: this.osoHashes,
      unknownBlocks: this.unknownBlocks,
    };
  }

  private readSrrBlock(): void {
    const start = this.offset;
    const base = this.take(start, SRR_BLOCK_HEADER_SIZE, 'block header');
    const type = base[2]!;
    const flags = base.readUInt16LE(3);
    const headSize = base.readUInt16LE(5);
    if (headSize < SRR_BLOCK_HEADER_SIZE) this.corrupt(start, `block declares HEAD_SIZE ${headSize}`);
    const header = this.take(start, headSize, 'block header');
    this.offset = start + headSize;
    switch (type) {
      case SrrBlockType.HEADER:
        if (start !== 0) this.corrupt(start, 'a second SRR header block');
        this.appName = flags & SrrFlags.APP_NAME_PRESENT ? this.name(header, 7, start) : null;
        return;
      case SrrBlockType.STORED_FILE: {
        const size = this.u32(header, 7, start);
        const name = this.name(header, 11, start);
        const data = this.take(this.offset, size, `stored file ${name}`);
        this.offset += size;
        this.storedFiles.push({ name, size, data });
        return;
      }
      case SrrBlockType.OSO_HASH: {
        if (headSize < 25) this.corrupt(start, 'OSO hash block too short');
        const size = Number(header.readBigUInt64LE(7));
        const hash = header.readBigUInt64LE(15).toString(16).padStart(16, '0');
        this.osoHashes.push({ name: this.name(header, 23, start), size, hash });
        return;
      }
      case SrrBlockType.RAR_PADDING: {
        const size = this.u32(header, 7, start);
        const data = this.take(this.offset, size, 'padding');
        this.offset += size;
        if (!this.volume) this.corrupt(start, 'padding before any volume');
        this.volume.add({ raw: data, info: null, copy: null, removed: 0 });
        return;
      }
      case SrrBlockType.RAR_FILE:
        this.closeVolume();
        this.volume = new VolumeBuilder(
          this.name(header, 7, start),
          (flags & SrrFlags.RECOVERY_BLOCKS_REMOVED) !== 0,
        );
        this.inRar = true;
        return;
      default:
        if (type >= Rar4BlockType.MARKER && type <= Rar4BlockType.END) {
          this.corrupt(start, `RAR block 0x${type.toString(16)} outside a volume`);
        }
        // Unknown SRR block: skip it and what ADD_SIZE says follows, as pyReScene does.
        this.unknownBlocks++;
        if (flags & SrrFlags.LONG_BLOCK) {
          const skip = this.u32(header, 7, start);
          this.take(this.offset, skip, 'block data');
          this.offset += skip;
        }
    }
  }

  /** Reads one RAR block of the current volume; false when the SRR's own blocks resume. */
  private readRarBlock(): boolean {
    const volume = this.volume!;
    const start = this.offset;
    if (volume.end) return false;
    if (volume.blocks.length === 0 && this.startsWith(RAR5_SIGNATURE)) {
      volume.format = 'rar5';
      volume.add({
        raw: this.take(start, RAR5_SIGNATURE.length, 'marker'),
        info: null,
        copy: null,
        removed: 0,
      });
      this.offset += RAR5_SIGNATURE.length;
      return true;
    }
    return volume.format === 'rar5' ? this.readRar5Header(volume) : this.readRar4Block(volume);
  }

  private readRar4Block(volume: VolumeBuilder): boolean {
    const start = this.offset;
    if (start + SRR_BLOCK_HEADER_SIZE > this.bytes.length) return false;
    const type = this.bytes[start + 2]!;
    if (type < Rar4BlockType.MARKER || type > Rar4BlockType.END) return false;
    if (type === Rar4BlockType.MARKER) {
      volume.add({
        raw: this.take(start, RAR4_SIGNATURE.length, 'marker'),
        info: null,
        copy: null,
        removed: 0,
      });
      this.offset += RAR4_SIGNATURE.length;
      return true;
    }
    const headSize = this.bytes.readUInt16LE(start + 5);
    if (headSize < SRR_BLOCK_HEADER_SIZE) this.corrupt(start, `RAR block declares HEAD_SIZE ${headSize}`);
    const header = this.take(start, headSize, 'RAR header');
    const { block, end } = this.parse(() => parseRar4Block(header, volume.size, volume.name), start);
    const isRecovery =
      type === RAR4_OLD_RECOVERY || (block.kind === 'service' && (block as RarFileBlockInfo).name === 'RR');
    this.addRarBlock(volume, header, block, isRecovery);
    if (end) volume.end = end;
    return true;
  }

  private readRar5Header(volume: VolumeBuilder): boolean {
    const start = this.offset;
    const probe = this.bytes.subarray(start, Math.min(start + 14, this.bytes.length));
    const length = this.parse(() => rar5HeaderLength(probe, volume.size, volume.name), start);
    const header = this.take(start, length, 'RAR 5 header');
    const parsed = this.parse(() => parseRar5Header(header, volume.size, volume.name), start);
    volume.rar5Headers.push(parsed);
    const isRecovery = parsed.block.kind === 'service' && (parsed.block as RarFileBlockInfo).name === 'RR';
    this.addRarBlock(volume, header, parsed.block, isRecovery);
    if (parsed.end) volume.end = parsed.end;
    return true;
  }

  /** File data is never in an SRR, recovery data only from old tools; any other block's data is. */
  private addRarBlock(volume: VolumeBuilder, header: Buffer, block: RarBlockInfo, isRecovery: boolean): void {
    const start = this.offset;
    this.offset += header.length;
    if (block.kind === 'file') {
      const name = (block as RarFileBlockInfo).name;
      volume.add({ raw: header, info: block, copy: { name, size: block.dataSize }, removed: 0 });
    } else if (isRecovery && volume.recoveryRemoved) {
      volume.add({ raw: header, info: block, copy: null, removed: block.dataSize });
    } else {
      const raw = this.take(start, header.length + block.dataSize, 'RAR block data');
      this.offset = start + raw.length;
      volume.add({ raw, info: block, copy: null, removed: 0 });
    }
  }

  private closeVolume(): void {
    if (this.volume) this.volumes.push(this.volume.build());
    this.volume = null;
  }

  private parse<T>(run: () => T, offset: number): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof RarError) this.corrupt(offset, error.message, error);
      throw error;
    }
  }

  private startsWith(signature: Buffer): boolean {
    return this.bytes.subarray(this.offset, this.offset + signature.length).equals(signature);
  }

  private take(offset: number, length: number, what: string): Buffer {
    if (offset + length > this.bytes.length) {
      this.corrupt(
        offset,
        `${what} of ${length} bytes runs past the end of the file (${this.bytes.length} bytes)`,
      );
    }
    return this.bytes.subarray(offset, offset + length);
  }

  private u32(header: Buffer, at: number, blockOffset: number): number {
    if (at + 4 > header.length) this.corrupt(blockOffset, 'block too short for its size field');
    return header.readUInt32LE(at);
  }

  private name(header: Buffer, at: number, blockOffset: number): string {
    if (at + 2 > header.length) this.corrupt(blockOffset, 'block too short for its name');
    const length = header.readUInt16LE(at);
    if (at + 2 + length > header.length) this.corrupt(blockOffset, 'name runs past the block header');
    return header.subarray(at + 2, at + 2 + length).toString('utf8');
  }

  private corrupt(offset: number, reason: string, cause?: unknown): never {
    throw new SrrError(
      SrrErrorCode.CORRUPT,
      `${this.path} is damaged at byte ${offset}: ${reason}`,
      { path: this.path, offset },
      cause === undefined ? undefined : { cause },
    );
  }
}

function archivedFiles(volumes: readonly SrrVolume[]): SrrArchivedFile[] {
  const byName = new Map<string, { parts: RarFileBlockInfo[]; volumes: string[] }>();
  for (const volume of volumes) {
    for (const part of volume.info.files) {
      const entry = byName.get(part.name) ?? { parts: [], volumes: [] };
      entry.parts.push(part);
      entry.volumes.push(volume.name);
      byName.set(part.name, entry);
    }
  }
  return [...byName].map(([name, { parts, volumes: names }]) => {
    const last = parts.findLast((p) => !p.isSplitAfter) ?? null;
    return {
      name,
      size: parts[0]!.unpackedSize,
      crc32: last?.dataCrc ?? null,
      stored: parts.every((p) => p.isStored),
      directory: parts[0]!.isDirectory,
      encrypted: parts.some((p) => p.isEncrypted),
      volumes: names,
    };
  });
}
