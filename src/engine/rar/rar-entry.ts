import { RarError, RarErrorCode } from './errors.js';
import { type DosTimeZone, encodeDosTime, type FileTime } from './file-time.js';
import { encodeRar4ExtTime } from './rar4-ext-time.js';
import { Rar4HostOs } from './rar4-file-header.js';
import { encodeRar4FileName } from './rar4-file-name.js';
import { Rar5HostOs } from './rar5-file-header.js';
import type { RarFormat } from './volume-naming.js';

/** One file to store, as the caller describes it. */
export interface RarInputFile {
  /** Path inside the archive, `/` separated, relative. */
  readonly name: string;
  readonly size: number;
  readonly mtime: FileTime;
  /** Unix st_mode, used when the host OS is `unix` (default 0o100644). */
  readonly mode?: number;
}

export type RarHostOs = 'windows' | 'unix';

/** A file with every header field that does not change between its parts, encoded once. */
export interface PlannedFile {
  readonly index: number;
  readonly name: string;
  readonly size: number;
  readonly mtime: FileTime;
  readonly hostOs: number;
  readonly attributes: number;
  /** RAR4: legacy or two-part name with `\` separators. RAR5: UTF-8 with `/`. */
  readonly storedName: Buffer;
  readonly isUnicodeName: boolean;
  /** RAR4 only: MS-DOS FTIME and the EXT_TIME record (null when DOS time is exact). */
  readonly dosTime: number;
  readonly extTime: Buffer | null;
  /** RAR4 only: LHD_LARGE, decided by the whole file's size and set on every part. */
  readonly isLarge: boolean;
}

/** UnRAR's NM: longer names are cut when read. */
const MAX_STORED_NAME_BYTES = 2047;
/** FILE_ATTRIBUTE_ARCHIVE, what WinRAR stores for ordinary files. */
const WINDOWS_ARCHIVE_ATTRIBUTE = 0x20;
const DEFAULT_UNIX_MODE = 0o100644;
/**
 * T4 says HIGH_* sizes are for files over 2 GB and rerar sets them above 2^31; UnRAR also
 * needs them for 0xFFFFFFFF, which otherwise means "unknown size".
 */
const RAR4_LARGE_THRESHOLD = 2 ** 31;

export interface PlanEntryOptions {
  readonly format: RarFormat;
  readonly hostOs: RarHostOs;
  readonly dosTimeZone: DosTimeZone;
}

export function planEntries(files: readonly RarInputFile[], options: PlanEntryOptions): PlannedFile[] {
  if (files.length === 0) throw new RarError(RarErrorCode.NO_FILES, 'Nothing to archive: no input files', {});
  const seen = new Map<string, string>();
  return files.map((file, index) => {
    validateEntryName(file.name);
    const key = file.name.toLowerCase();
    const clash = seen.get(key);
    if (clash !== undefined) {
      throw new RarError(RarErrorCode.DUPLICATE_NAME, `Two files would be stored as "${file.name}"`, {
        name: file.name,
        other: clash,
      });
    }
    seen.set(key, file.name);
    if (!Number.isSafeInteger(file.size) || file.size < 0) throw new RangeError(`bad size for ${file.name}`);
    return planEntry(file, index, options);
  });
}

function planEntry(file: RarInputFile, index: number, options: PlanEntryOptions): PlannedFile {
  const isUnix = options.hostOs === 'unix';
  const attributes = isUnix ? (file.mode ?? DEFAULT_UNIX_MODE) : WINDOWS_ARCHIVE_ATTRIBUTE;
  if (options.format === 'rar4') {
    const encoded = encodeRar4FileName(file.name.replaceAll('/', '\\'));
    assertNameLength(file.name, encoded.bytes.length);
    return {
      index,
      name: file.name,
      size: file.size,
      mtime: file.mtime,
      hostOs: isUnix ? Rar4HostOs.UNIX : Rar4HostOs.WINDOWS,
      attributes,
      storedName: encoded.bytes,
      isUnicodeName: encoded.isUnicode,
      dosTime: encodeDosTime(file.mtime, options.dosTimeZone),
      extTime: encodeRar4ExtTime(file.mtime),
      isLarge: file.size >= RAR4_LARGE_THRESHOLD,
    };
  }
  const storedName = Buffer.from(file.name, 'utf8');
  assertNameLength(file.name, storedName.length);
  return {
    index,
    name: file.name,
    size: file.size,
    mtime: file.mtime,
    hostOs: isUnix ? Rar5HostOs.UNIX : Rar5HostOs.WINDOWS,
    attributes,
    storedName,
    isUnicodeName: true,
    dosTime: 0,
    extTime: null,
    isLarge: false,
  };
}

function assertNameLength(name: string, bytes: number): void {
  if (bytes > MAX_STORED_NAME_BYTES) {
    throw new RarError(
      RarErrorCode.NAME_INVALID,
      `Name too long to store (${bytes} bytes, max ${MAX_STORED_NAME_BYTES})`,
      {
        name,
        bytes,
        max: MAX_STORED_NAME_BYTES,
      },
    );
  }
}

/** Refuses names an extractor would mangle or that could escape the extraction directory. */
export function validateEntryName(name: string): void {
  const fail = (reason: string) => {
    throw new RarError(RarErrorCode.NAME_INVALID, `Cannot store "${name}": ${reason}`, { name, reason });
  };
  if (name === '') fail('the name is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) fail('it contains control characters');
  if (name.includes('\\')) fail('backslash is the RAR4 path separator; use "/" between folders');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) fail('it is an absolute path');
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    fail('it has an empty, "." or ".." path component');
  }
  if (!name.isWellFormed()) fail('it contains an unpaired UTF-16 surrogate');
}
