import { XMLParser } from 'fast-xml-parser';
import { readZipEntries, sourceErrorFromFs } from '../../engine/index.js';
import { ExtractError, ExtractErrorCode, type Extracted } from './extract-error.js';

export interface EpubCreator {
  readonly name: string;
  /** MARC relator (`aut`, `edt`, `ill`, …); null when the file does not say. */
  readonly role: string | null;
}

export interface EpubFields {
  readonly title: string | null;
  readonly creators: readonly EpubCreator[];
  /** The first author (role `aut`, or the first creator without a role). */
  readonly author: string | null;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly year: number | null;
  readonly language: string | null;
  readonly isbn: string | null;
  readonly identifiers: readonly string[];
  readonly series: string | null;
  readonly seriesIndex: string | null;
  readonly hasCover: boolean;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) =>
    ['creator', 'identifier', 'meta', 'item', 'rootfile', 'title', 'language', 'date'].includes(name),
  textNodeName: '#text',
  trimValues: true,
  processEntities: true,
});

type Node = Record<string, unknown>;

/** EPUB 2 and 3: container.xml → OPF package → Dublin Core metadata (with EPUB 3 `refines` roles). */
export async function readEpubMetadata(path: string): Promise<Extracted<EpubFields>> {
  const fail = (reason: string): never => {
    throw new ExtractError(
      ExtractErrorCode.METADATA_UNREADABLE,
      `Cannot read the EPUB metadata of ${path}: ${reason}`,
      {
        path,
        reason,
      },
    );
  };
  let container: Buffer | undefined;
  try {
    container = (await readZipEntries(path, (n) => n === 'META-INF/container.xml')).get(
      'META-INF/container.xml',
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw sourceErrorFromFs(error, path);
    fail(`not a ZIP archive (${(error as Error).message})`);
  }
  if (!container) fail('META-INF/container.xml is missing');
  const rootfiles = ((parser.parse(container!.toString('utf8')) as Node).container as Node | undefined)
    ?.rootfiles as Node | undefined;
  const opfPath = (rootfiles?.rootfile as Node[] | undefined)?.[0]?.['@full-path'];
  if (typeof opfPath !== 'string') fail('container.xml names no package document');
  const opf = (await readZipEntries(path, (n) => n === opfPath)).get(opfPath as string);
  if (!opf) fail(`package document ${opfPath} is missing`);
  const pkg = (parser.parse(opf!.toString('utf8')) as Node).package as Node | undefined;
  const metadata = pkg?.metadata as Node | undefined;
  if (!metadata) fail('the package document has no <metadata>');
  return describe(metadata!, pkg!);
}

function describe(metadata: Node, pkg: Node): Extracted<EpubFields> {
  const metas = (metadata.meta as Node[] | undefined) ?? [];
  const refines = (id: unknown, property: string): string | null => {
    if (typeof id !== 'string') return null;
    const hit = metas.find((m) => m['@refines'] === `#${id}` && m['@property'] === property);
    return hit ? textOf(hit) : null;
  };
  const creators: EpubCreator[] = ((metadata.creator as unknown[]) ?? []).map((c) => ({
    name: textOf(c) ?? '',
    role:
      (isNode(c) ? (c['@role'] as string | undefined) : undefined) ??
      refines(isNode(c) ? c['@id'] : null, 'role'),
  }));
  const author = creators.find((c) => c.role === 'aut') ?? creators.find((c) => c.role === null) ?? null;
  const identifiers = ((metadata.identifier as unknown[]) ?? []).map(textOf).filter((v): v is string => !!v);
  const isbn = identifiers
    .map((i) => i.replace(/^urn:isbn:/i, '').replace(/[-\s]/g, ''))
    .find((i) => /^(97[89])?\d{9}[\dX]$/i.test(i));
  const date = textOf(((metadata.date as unknown[]) ?? [])[0]);
  const namedMeta = (name: string) => {
    const hit = metas.find((m) => m['@name'] === name || m['@property'] === name);
    return hit ? ((hit['@content'] as string | undefined) ?? textOf(hit)) : null;
  };
  const manifest = ((pkg.manifest as Node | undefined)?.item as Node[] | undefined) ?? [];
  const hasCover =
    manifest.some((i) =>
      String(i['@properties'] ?? '')
        .split(/\s+/)
        .includes('cover-image'),
    ) || namedMeta('cover') !== null;
  const fields: EpubFields = {
    title: textOf(((metadata.title as unknown[]) ?? [])[0]),
    creators,
    author: author?.name || null,
    publisher: textOf(metadata.publisher),
    date,
    year: date && /^\d{4}/.test(date) ? Number(date.slice(0, 4)) : null,
    language: textOf(((metadata.language as unknown[]) ?? [])[0]),
    isbn: isbn ? isbn.toUpperCase() : null,
    identifiers,
    series: namedMeta('calibre:series') ?? namedMeta('belongs-to-collection'),
    seriesIndex: namedMeta('calibre:series_index') ?? namedMeta('group-position'),
    hasCover,
  };
  const missing = (['title', 'author', 'publisher', 'date', 'language', 'isbn'] as const).filter(
    (k) => fields[k] === null,
  );
  return { fields, missing };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function textOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isNode(value)) return textOf(value['#text']);
  const text = String(value).trim();
  return text === '' ? null : text;
}
