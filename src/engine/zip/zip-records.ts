// The three records of a store-only ZIP, field by field as PKWARE's APPNOTE.TXT lists them
// (4.3.7 local file header, 4.3.12 central directory header, 4.3.16 end of central directory).
// Every value written is what a PKZIP 2.x disk made on DOS carries: see FORMAT-NOTES.md.

/** What the central directory says of one entry; the local header repeats it. */
export interface ZipEntryRecord {
  /** ASCII name (the disks' entries are 8.3 names; the .nfo may be longer). */
  readonly name: Buffer;
  readonly crc32: number;
  readonly size: number;
  readonly dosTime: number;
  readonly dosDate: number;
  /** Where the entry's local header starts in the file. */
  readonly offset: number;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** 1.0: a stored entry needs nothing newer (APPNOTE 4.4.3.2). */
const VERSION_NEEDED = 10;
/** Upper byte 0: MS-DOS (FAT), so the external attributes are a DOS attribute byte; 2.0 spec. */
const VERSION_MADE_BY = 0x0014;
/** No data descriptor (bit 3), no UTF-8 names (bit 11), no encryption: nothing set. */
const GENERAL_PURPOSE_FLAGS = 0;
const METHOD_STORED = 0;
/** FILE_ATTRIBUTE_ARCHIVE, what DOS and Windows zippers write for a plain file. */
const DOS_ATTRIBUTE_ARCHIVE = 0x20;

export const LOCAL_HEADER_FIXED = 30;
const CENTRAL_HEADER_FIXED = 46;
const END_RECORD_SIZE = 22;

/** The largest offset or size a record without ZIP64 holds (DOS-era readers know no ZIP64). */
export const ZIP32_LIMIT = 0xffff_ffff;
/** The most entries a record without ZIP64 counts. */
export const ZIP32_MAX_ENTRIES = 0xffff;

export function localFileHeader(entry: ZipEntryRecord): Buffer {
  const b = Buffer.alloc(LOCAL_HEADER_FIXED + entry.name.length);
  b.writeUInt32LE(LOCAL_FILE_HEADER, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(GENERAL_PURPOSE_FLAGS, 6);
  b.writeUInt16LE(METHOD_STORED, 8);
  b.writeUInt16LE(entry.dosTime, 10);
  b.writeUInt16LE(entry.dosDate, 12);
  b.writeUInt32LE(entry.crc32 >>> 0, 14);
  b.writeUInt32LE(entry.size, 18); // compressed size: stored, so the same
  b.writeUInt32LE(entry.size, 22);
  b.writeUInt16LE(entry.name.length, 26);
  b.writeUInt16LE(0, 28); // extra field length: no extra fields, local or central
  entry.name.copy(b, LOCAL_HEADER_FIXED);
  return b;
}

export function centralDirectoryHeader(entry: ZipEntryRecord): Buffer {
  const b = Buffer.alloc(CENTRAL_HEADER_FIXED + entry.name.length);
  b.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(GENERAL_PURPOSE_FLAGS, 8);
  b.writeUInt16LE(METHOD_STORED, 10);
  b.writeUInt16LE(entry.dosTime, 12);
  b.writeUInt16LE(entry.dosDate, 14);
  b.writeUInt32LE(entry.crc32 >>> 0, 16);
  b.writeUInt32LE(entry.size, 20);
  b.writeUInt32LE(entry.size, 24);
  b.writeUInt16LE(entry.name.length, 28);
  b.writeUInt16LE(0, 30); // extra field length
  b.writeUInt16LE(0, 32); // file comment length
  b.writeUInt16LE(0, 34); // disk number start: a disk is one whole ZIP, not a spanned one
  b.writeUInt16LE(0, 36); // internal attributes: binary, so `unzip -a` never rewrites CP437 text
  b.writeUInt32LE(DOS_ATTRIBUTE_ARCHIVE, 38);
  b.writeUInt32LE(entry.offset, 42);
  entry.name.copy(b, CENTRAL_HEADER_FIXED);
  return b;
}

export function endOfCentralDirectory(
  entries: number,
  directorySize: number,
  directoryOffset: number,
): Buffer {
  const b = Buffer.alloc(END_RECORD_SIZE);
  b.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  b.writeUInt16LE(0, 4); // number of this disk
  b.writeUInt16LE(0, 6); // disk where the central directory starts
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(directorySize, 12);
  b.writeUInt32LE(directoryOffset, 16);
  b.writeUInt16LE(0, 20); // comment length
  return b;
}

/**
 * MS-DOS date and time (APPNOTE 4.4.6) in the packer's local time, as PKZIP and Info-ZIP write
 * it; 2-second steps. DOS years run from 1980 to 2107: a time outside is written as the nearest end.
 */
export function dosDateTime(date: Date): { dosDate: number; dosTime: number } {
  if (date.getFullYear() < 1980) return { dosDate: (1 << 5) | 1, dosTime: 0 };
  if (date.getFullYear() > 2107)
    return { dosDate: (127 << 9) | (12 << 5) | 31, dosTime: (23 << 11) | (59 << 5) | 29 };
  const dosDate = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  return { dosDate, dosTime };
}
