import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { sourceErrorFromFs } from '../errors.js';
import { PackError, PackErrorCode } from './pack-error.js';

/** Every file type relpack packs; each profile allows a subset (`sourceExtensions`). */
export const SOURCE_KINDS = ['epub', 'pdf', 'cbz', 'mobi', 'azw', 'azw3', 'kf8', 'prc', 'mkv'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What the extension claims must agree with the magic bytes; Kindle formats share one signature. */
const FAMILY: Readonly<Record<SourceKind, 'zip-epub' | 'zip' | 'pdf' | 'palmdoc' | 'ebml'>> = {
  epub: 'zip-epub',
  cbz: 'zip',
  pdf: 'pdf',
  mobi: 'palmdoc',
  prc: 'palmdoc',
  azw: 'palmdoc',
  azw3: 'palmdoc',
  kf8: 'palmdoc',
  mkv: 'ebml',
};

/**
 * Checks a source by its first bytes, not only its extension: a PDF renamed .epub, or a text
 * file called .mkv, is refused before any work with a message saying what the file really is.
 */
export async function detectSourceType(path: string, allowed: readonly string[]): Promise<SourceKind> {
  const ext = extname(path).slice(1).toLowerCase();
  if (!allowed.includes(ext) || !(ext in FAMILY)) {
    throw new PackError(
      PackErrorCode.SOURCE_TYPE_NOT_ALLOWED,
      `.${ext || '(none)'} files cannot be packed here; allowed: ${allowed.map((a) => `.${a}`).join(', ')}`,
      {
        path,
        extension: ext,
        allowed,
      },
    );
  }
  const head = Buffer.alloc(80);
  const handle = await open(path, 'r').catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const actual = familyOf(head.subarray(0, length));
  const expected = FAMILY[ext as SourceKind];
  const matches = actual === expected || (expected === 'zip' && actual === 'zip-epub');
  if (!matches) {
    throw new PackError(
      PackErrorCode.SOURCE_TYPE_MISMATCH,
      `${path} is named .${ext} but its content is ${actual === 'unknown' ? 'not a known format' : `a ${DESCRIBE[actual]}`}`,
      { path, extension: ext, detected: actual },
    );
  }
  return ext as SourceKind;
}

const DESCRIBE = {
  'zip-epub': 'EPUB',
  zip: 'ZIP archive',
  pdf: 'PDF',
  palmdoc: 'Mobipocket/Kindle book',
  ebml: 'Matroska video',
  unknown: 'unknown file',
} as const;

function familyOf(head: Buffer): keyof typeof DESCRIBE {
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return head.subarray(30, 58).toString('latin1') === 'mimetypeapplication/epub+zip' ? 'zip-epub' : 'zip';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(60, 68).toString('latin1') === 'BOOKMOBI') return 'palmdoc';
  if (head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'ebml';
  return 'unknown';
}
