import { readFile, stat } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import type { PDFDocument } from 'pdf-lib';
import { sourceErrorFromFs } from '../../engine/index.js';
import { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';

export interface PdfFields {
  readonly title: string | null;
  readonly author: string | null;
  readonly subject: string | null;
  readonly publisher: string | null;
  readonly language: string | null;
  readonly creationDate: string | null;
  readonly modificationDate: string | null;
  readonly year: number | null;
  readonly pageCount: number;
  readonly producer: string | null;
  /** Which fields came from the XMP packet rather than the info dictionary. */
  readonly fromXmp: readonly string[];
}

const xml = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: () => false });

/**
 * pdf-lib parses a whole PDF in memory (several times its size): larger files are packed all the
 * same, but their metadata is typed in rather than read, so one upload cannot exhaust the heap.
 */
export const MAX_PDF_METADATA_BYTES = 64 * 2 ** 20;

/** The info dictionary, then XMP for what it lacks (dc:title, dc:creator, dc:publisher, dates). */
export async function readPdfMetadata(path: string): Promise<Extracted<PdfFields>> {
  const size = (
    await stat(path).catch((error) => {
      throw sourceErrorFromFs(error, path);
    })
  ).size;
  if (size > MAX_PDF_METADATA_BYTES) {
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `The PDF ${path} is ${size} bytes; metadata is read from PDFs up to ${MAX_PDF_METADATA_BYTES} bytes, enter it by hand`,
      { path, size, limit: MAX_PDF_METADATA_BYTES },
    );
  }
  const bytes = await readFile(path).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  // pdf-lib is 600 modules: loaded by the PDF that needs it, not by every command that might.
  const pdf = await import('pdf-lib');
  let doc: PDFDocument;
  try {
    doc = await pdf.PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
  } catch (error) {
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `Cannot read the PDF ${path}: ${(error as Error).message}`,
      { path },
    );
  }
  try {
    return pdfFields(pdf, doc);
  } catch {
    // pdf-lib loads what it can and throws later, from any getter (a TypeError), on a file with no
    // usable catalog or page tree, such as a PDF header in front of other bytes.
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `Cannot read the PDF ${path}: it has no readable catalog or page tree`,
      { path },
    );
  }
}

function pdfFields(pdf: typeof import('pdf-lib'), doc: PDFDocument): Extracted<PdfFields> {
  const xmp = readXmp(pdf, doc);
  const fromXmp: string[] = [];
  const pick = (name: string, info: string | undefined | null, x: string | null | undefined) => {
    if (info) return info;
    if (x) fromXmp.push(name);
    return x ?? null;
  };
  const created = doc.getCreationDate()?.toISOString() ?? xmp.created ?? null;
  const fields: PdfFields = {
    title: pick(
      'title',
      safe(() => doc.getTitle()),
      xmp.title,
    ),
    author: pick(
      'author',
      safe(() => doc.getAuthor()),
      xmp.creator,
    ),
    subject: pick(
      'subject',
      safe(() => doc.getSubject()),
      xmp.description,
    ),
    publisher: pick('publisher', null, xmp.publisher),
    language: pick('language', null, xmp.language),
    creationDate: created,
    modificationDate: doc.getModificationDate()?.toISOString() ?? xmp.modified ?? null,
    year: created && /^\d{4}/.test(created) ? Number(created.slice(0, 4)) : null,
    pageCount: doc.getPageCount(),
    producer: safe(() => doc.getProducer()) ?? null,
    fromXmp,
  };
  const missing = (['title', 'author', 'publisher', 'language', 'creationDate'] as const).filter(
    (k) => fields[k] === null,
  );
  return { fields, missing };
}

function safe<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function readXmp(pdf: typeof import('pdf-lib'), doc: PDFDocument): Record<string, string | null> {
  try {
    const stream = doc.catalog.lookup(pdf.PDFName.of('Metadata'));
    if (!(stream instanceof pdf.PDFRawStream)) return {};
    const filter = stream.dict.get(pdf.PDFName.of('Filter'))?.toString();
    const raw = Buffer.from(stream.contents);
    const text = (filter === '/FlateDecode' ? inflateSync(raw) : raw).toString('utf8');
    type Node = Record<string, unknown>;
    const packet = xml.parse(text) as Node;
    const rdf = ((packet.xmpmeta as Node | undefined)?.RDF ?? packet.RDF) as Node | undefined;
    const descriptions = [rdf?.Description].flat().filter(Boolean) as Node[];
    const first = (value: unknown): string | null => {
      if (value === undefined || value === null) return null;
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      const v = value as Record<string, unknown>;
      const inner = v.Alt ?? v.Seq ?? v.Bag ?? v;
      const li = (inner as Record<string, unknown>).li;
      return li === undefined ? null : first(Array.isArray(li) ? li[0] : li);
    };
    const get = (key: string) => descriptions.map((d) => first(d[key])).find((x) => x) ?? null;
    return {
      title: get('title'),
      creator: get('creator'),
      description: get('description'),
      publisher: get('publisher'),
      language: get('language'),
      created: get('CreateDate'),
      modified: get('ModifyDate'),
    };
  } catch {
    return {};
  }
}
