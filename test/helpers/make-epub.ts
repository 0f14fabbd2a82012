// Builds a small but valid EPUB 3 (mimetype stored first, container.xml, OPF, one chapter),
// padded with an incompressible image so tests can make it span several volumes.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface EpubSpec {
  readonly title: string;
  readonly author: string;
  readonly date?: string;
  readonly language?: string;
  readonly publisher?: string;
  readonly isbn?: string;
  /** Bytes of random cover image data, to control the file size. */
  readonly padding?: number;
}

export async function makeEpub(path: string, spec: EpubSpec): Promise<void> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2024-01-01T00:00:00Z');
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false, mtime });
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`),
    'META-INF/container.xml',
    { mtime },
  );
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  zip.addBuffer(
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:isbn:${spec.isbn ?? '9780000000002'}</dc:identifier>
    <dc:title>${esc(spec.title)}</dc:title>
    <dc:creator id="c1">${esc(spec.author)}</dc:creator>
    <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
    <dc:language>${spec.language ?? 'en'}</dc:language>
    <dc:date>${spec.date ?? '2021-05-04'}</dc:date>
    <dc:publisher>${esc(spec.publisher ?? 'Test House')}</dc:publisher>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="ch1" href="ch1.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover" href="cover.jpg" media-type="image/jpeg" properties="cover-image"/>
  </manifest>
  <spine><itemref idref="ch1"/></spine>
</package>`),
    'OEBPS/content.opf',
    { mtime },
  );
  zip.addBuffer(
    Buffer.from(
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>1</title></head><body><p>${esc(spec.title)}</p></body></html>`,
    ),
    'OEBPS/ch1.xhtml',
    { mtime },
  );
  zip.addBuffer(randomBytes(spec.padding ?? 1000), 'OEBPS/cover.jpg', { compress: false, mtime });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}
