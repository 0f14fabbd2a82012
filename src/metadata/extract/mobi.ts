import { open } from 'node:fs/promises';
import { sourceErrorFromFs } from '../../engine/index.js';
import { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';

export interface MobiFields {
  readonly title: string | null;
  readonly author: string | null;
  readonly publisher: string | null;
  readonly isbn: string | null;
  readonly date: string | null;
  readonly year: number | null;
  readonly language: string | null;
  readonly description: string | null;
  /** 6 for Mobipocket, 8 for KF8 (AZW3). */
  readonly mobiVersion: number | null;
}

/** EXTH record types (MobileRead wiki, "MOBI" format). */
const EXTH = {
  author: 100,
  publisher: 101,
  description: 103,
  isbn: 104,
  date: 106,
  updatedTitle: 503,
  language: 524,
} as const;

/**
 * Palm database → record 0 → MOBI header → EXTH records. Reads the header record only, never the
 * book text, so a 500 MB comic costs two small reads.
 */
export async function readMobiMetadata(path: string): Promise<Extracted<MobiFields>> {
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  const fail = (reason: string): never => {
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `Cannot read the Mobipocket header of ${path}: ${reason}`,
      { path, reason },
    );
  };
  try {
    const size = (await handle.stat()).size;
    // The database header (78 bytes) and the first two entries of the record list.
    const head = Buffer.alloc(94);
    const { bytesRead: headRead } = await handle.read(head, 0, 94, 0);
    if (headRead < 86) fail('the file is too short for a Palm database');
    if (head.subarray(60, 68).toString('latin1') !== 'BOOKMOBI') fail('no BOOKMOBI signature');
    const records = head.readUInt16BE(76);
    if (records < 1) fail('the database has no records');
    const start = head.readUInt32BE(78);
    const next = records > 1 && headRead >= 90 ? head.readUInt32BE(86) : size;
    const length = Math.min(next - start, 1 << 20);
    if (start <= 0 || length <= 0 || start + 16 > size) fail('record 0 is outside the file');
    const rec = Buffer.alloc(length);
    const { bytesRead } = await handle.read(rec, 0, length, start);
    if (bytesRead < 132 || rec.subarray(16, 20).toString('latin1') !== 'MOBI')
      fail('record 0 holds no MOBI header');
    const headerLength = rec.readUInt32BE(20);
    const encoding = rec.readUInt32BE(28) === 65001 ? 'utf8' : 'latin1';
    const version = rec.readUInt32BE(36);
    const nameOffset = rec.readUInt32BE(84);
    const nameLength = rec.readUInt32BE(88);
    const fullName =
      nameOffset + nameLength <= bytesRead
        ? rec.subarray(nameOffset, nameOffset + nameLength).toString(encoding)
        : null;
    const exth = new Map<number, string>();
    const hasExth = (rec.readUInt32BE(128) & 0x40) !== 0;
    const exthAt = 16 + headerLength;
    if (
      hasExth &&
      exthAt + 12 <= bytesRead &&
      rec.subarray(exthAt, exthAt + 4).toString('latin1') === 'EXTH'
    ) {
      const count = rec.readUInt32BE(exthAt + 8);
      let p = exthAt + 12;
      for (let i = 0; i < count && p + 8 <= bytesRead; i++) {
        const type = rec.readUInt32BE(p);
        const len = rec.readUInt32BE(p + 4);
        if (len < 8 || p + len > bytesRead) break;
        if (!exth.has(type))
          exth.set(
            type,
            rec
              .subarray(p + 8, p + len)
              .toString(encoding)
              .replace(/\0+$/, ''),
          );
        p += len;
      }
    }
    const date = exth.get(EXTH.date) ?? null;
    const isbn = exth.get(EXTH.isbn)?.replace(/[-\s]/g, '') ?? null;
    const fields: MobiFields = {
      title: exth.get(EXTH.updatedTitle) ?? fullName ?? null,
      author: exth.get(EXTH.author) ?? null,
      publisher: exth.get(EXTH.publisher) ?? null,
      isbn,
      date,
      year: date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null,
      language: exth.get(EXTH.language) ?? null,
      description: exth.get(EXTH.description) ?? null,
      mobiVersion: version || null,
    };
    const missing = (['title', 'author', 'publisher', 'isbn', 'date', 'language'] as const).filter(
      (k) => fields[k] === null,
    );
    return { fields, missing };
  } finally {
    await handle.close();
  }
}
