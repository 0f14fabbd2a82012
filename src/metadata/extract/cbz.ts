import { XMLParser } from 'fast-xml-parser';
import { listZipEntries, readZipEntries, sourceErrorFromFs } from '../../engine/index.js';
import { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';

export interface CbzFields {
  readonly title: string | null;
  readonly series: string | null;
  readonly number: string | null;
  readonly volume: string | null;
  readonly year: number | null;
  readonly month: number | null;
  readonly writer: string | null;
  readonly publisher: string | null;
  readonly language: string | null;
  readonly summary: string | null;
  readonly genre: string | null;
  /** Images in the archive (what a reader shows as pages). */
  readonly pageCount: number;
  readonly hasComicInfo: boolean;
}

const IMAGE = /\.(jpe?g|png|gif|webp|avif|bmp|tiff?)$/i;
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/** `ComicInfo.xml` when present (the ComicRack schema), and the page count from the images. */
export async function readCbzMetadata(path: string): Promise<Extracted<CbzFields>> {
  let entries: string[];
  let info: Buffer | undefined;
  try {
    entries = (await listZipEntries(path)).map((e) => e.name);
    const name = entries.find((n) => n.toLowerCase().split('/').pop() === 'comicinfo.xml');
    info = name ? (await readZipEntries(path, (n) => n === name)).get(name) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw sourceErrorFromFs(error, path);
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `Cannot read the CBZ ${path}: ${(error as Error).message}`,
      { path },
    );
  }
  const ci = info
    ? ((parser.parse(info.toString('utf8')) as Record<string, Record<string, string>>).ComicInfo ?? {})
    : {};
  const s = (k: string) => (ci[k] ? String(ci[k]).trim() || null : null);
  const n = (k: string) => (ci[k] && /^\d+$/.test(String(ci[k]).trim()) ? Number(ci[k]) : null);
  const fields: CbzFields = {
    title: s('Title'),
    series: s('Series'),
    number: s('Number'),
    volume: s('Volume'),
    year: n('Year'),
    month: n('Month'),
    writer: s('Writer'),
    publisher: s('Publisher'),
    language: s('LanguageISO'),
    summary: s('Summary'),
    genre: s('Genre'),
    pageCount: entries.filter((e) => IMAGE.test(e)).length,
    hasComicInfo: info !== undefined,
  };
  const missing = (['title', 'series', 'year', 'writer', 'publisher', 'language'] as const).filter(
    (k) => fields[k] === null,
  );
  return { fields, missing };
}
