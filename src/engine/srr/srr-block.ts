/**
 * The SRR container (ReScene .NET 1.x, pyReScene `rescene/rar.py`): RAR 4 style blocks of
 * HEAD_CRC(2) HEAD_TYPE(1) HEAD_FLAGS(2) HEAD_SIZE(2). SRR's own blocks use the type range just
 * below RAR's (0x69-0x71) and a fixed HEAD_CRC of the type byte twice, never a computed CRC.
 */
export const SRR_BLOCK_HEADER_SIZE = 7;

export const SrrBlockType = {
  /** First block; optional application name. */
  HEADER: 0x69,
  /** A file kept whole inside the SRR (NFO, SFV, proof): u32 size in ADD_SIZE, u16 + name, then the bytes. */
  STORED_FILE: 0x6a,
  /** OpenSubtitles hash of an archived file: u64 size, u64 hash, u16 + name. */
  OSO_HASH: 0x6b,
  /** Bytes rar left after a volume's end block: u32 size in ADD_SIZE, then the bytes. */
  RAR_PADDING: 0x6c,
  /** Starts one volume: u16 + volume file name; that volume's RAR blocks follow. */
  RAR_FILE: 0x71,
} as const;

/** HEAD_FLAGS of SRR blocks. */
export const SrrFlags = {
  /** 0x69: an application-name field follows. */
  APP_NAME_PRESENT: 0x0001,
  /** 0x71: recovery-record data was left out (current tools always set it). */
  RECOVERY_BLOCKS_REMOVED: 0x0001,
  /** 0x71: the volume name carries a folder. */
  PATHS_SAVED: 0x0002,
  /** ADD_SIZE present; 0x6A and 0x6C always set it. */
  LONG_BLOCK: 0x8000,
} as const;

/** HEAD_CRC of an SRR block: the type byte twice (0x6969, 0x6A6A, …). */
export function srrMagic(type: number): number {
  return (type << 8) | type;
}

/** One SRR block: base header, then `fields`; HEAD_SIZE counts both (data after it is separate). */
export function encodeSrrBlock(type: number, flags: number, fields: Buffer): Buffer {
  const size = SRR_BLOCK_HEADER_SIZE + fields.length;
  if (size > 0xffff) throw new RangeError(`SRR block of ${size} bytes exceeds HEAD_SIZE`);
  const header = Buffer.alloc(SRR_BLOCK_HEADER_SIZE);
  header.writeUInt16LE(srrMagic(type), 0); // HEAD_CRC (magic)
  header[2] = type; // HEAD_TYPE
  header.writeUInt16LE(flags, 3); // HEAD_FLAGS
  header.writeUInt16LE(size, 5); // HEAD_SIZE
  return Buffer.concat([header, fields]);
}

/** u16 byte length + UTF-8 bytes; SRR names use `/` between folders. */
export function encodeSrrName(name: string): Buffer {
  const bytes = Buffer.from(name, 'utf8');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(bytes.length, 0);
  return Buffer.concat([length, bytes]);
}

export function encodeSrrHeader(appName: string): Buffer {
  return encodeSrrBlock(SrrBlockType.HEADER, SrrFlags.APP_NAME_PRESENT, encodeSrrName(appName));
}

/** The stored-file block header; the file's bytes follow it (ADD_SIZE of them). */
export function encodeSrrStoredFile(name: string, size: number): Buffer {
  const addSize = Buffer.alloc(4);
  addSize.writeUInt32LE(size, 0); // ADD_SIZE: the stored file's size
  return encodeSrrBlock(
    SrrBlockType.STORED_FILE,
    SrrFlags.LONG_BLOCK,
    Buffer.concat([addSize, encodeSrrName(name)]),
  );
}

export function encodeSrrRarFile(volumeName: string): Buffer {
  const flags = SrrFlags.RECOVERY_BLOCKS_REMOVED | (volumeName.includes('/') ? SrrFlags.PATHS_SAVED : 0);
  return encodeSrrBlock(SrrBlockType.RAR_FILE, flags, encodeSrrName(volumeName));
}

/** The padding block header; the padding bytes follow it. */
export function encodeSrrPadding(size: number): Buffer {
  const addSize = Buffer.alloc(4);
  addSize.writeUInt32LE(size, 0); // ADD_SIZE: the padding's length
  return encodeSrrBlock(SrrBlockType.RAR_PADDING, SrrFlags.LONG_BLOCK, addSize);
}

export function encodeSrrOsoHash(name: string, size: number, hash: bigint): Buffer {
  const fields = Buffer.alloc(16);
  fields.writeBigUInt64LE(BigInt(size), 0); // file size
  fields.writeBigUInt64LE(hash, 8); // OSO hash
  return encodeSrrBlock(SrrBlockType.OSO_HASH, 0, Buffer.concat([fields, encodeSrrName(name)]));
}
