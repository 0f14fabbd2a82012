import { detectSourceType, SOURCE_KINDS, type SourceKind } from '../../engine/index.js';
import { type CbzFields, readCbzMetadata } from './cbz.js';
import { type EpubFields, readEpubMetadata } from './epub.js';
import type { Extracted } from './extract-error.js';
import { type MediaFields, readMediaInfo } from './media.js';
import { type MobiFields, readMobiMetadata } from './mobi.js';
import { type PdfFields, readPdfMetadata } from './pdf.js';

export type FileMetadata =
  | { readonly kind: 'epub'; readonly extracted: Extracted<EpubFields> }
  | { readonly kind: 'pdf'; readonly extracted: Extracted<PdfFields> }
  | { readonly kind: 'cbz'; readonly extracted: Extracted<CbzFields> }
  | { readonly kind: 'mobi'; readonly extracted: Extracted<MobiFields> }
  | { readonly kind: 'mkv'; readonly extracted: Extracted<MediaFields> };

/** Checks the file by content, then runs the extractor for its kind. */
export async function extractMetadata(path: string): Promise<FileMetadata & { readonly type: SourceKind }> {
  const type = await detectSourceType(path, SOURCE_KINDS);
  switch (type) {
    case 'epub':
      return { type, kind: 'epub', extracted: await readEpubMetadata(path) };
    case 'pdf':
      return { type, kind: 'pdf', extracted: await readPdfMetadata(path) };
    case 'cbz':
      return { type, kind: 'cbz', extracted: await readCbzMetadata(path) };
    case 'mkv':
      return { type, kind: 'mkv', extracted: await readMediaInfo(path) };
    default:
      return { type, kind: 'mobi', extracted: await readMobiMetadata(path) };
  }
}

/** The naming fields any eBook extractor found: what `relpack pack ebook` uses when `--meta` is silent. */
export function bookFields(meta: FileMetadata): {
  title?: string;
  author?: string;
  year?: number;
  language?: string;
  publisher?: string;
  isbn?: string;
  pages?: number;
} {
  const f = meta.extracted.fields as unknown as Record<string, unknown>;
  const str = (k: string) => (typeof f[k] === 'string' && f[k] ? (f[k] as string) : undefined);
  const num = (k: string) => (typeof f[k] === 'number' ? (f[k] as number) : undefined);
  const title =
    meta.kind === 'cbz'
      ? (str('title') ??
          [str('series'), str('number') ? `No ${str('number')}` : undefined].filter(Boolean).join(' ')) ||
        undefined
      : str('title');
  const out = {
    title,
    author: str('author') ?? str('writer'),
    year: num('year'),
    language: str('language'),
    publisher: str('publisher'),
    isbn: str('isbn'),
    pages: num('pageCount'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ReturnType<
    typeof bookFields
  >;
}
