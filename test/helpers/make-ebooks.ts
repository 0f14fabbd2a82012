// PDF (info dictionary + XMP), CBZ (ComicInfo.xml) and Mobipocket (EXTH) files built by the tests.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { PDFDocument, PDFName } from 'pdf-lib';
import yazl from 'yazl';

export async function makePdf(
  path: string,
  info: {
    title?: string;
    author?: string;
    xmp?: { title?: string; creator?: string; publisher?: string; language?: string };
    pages?: number;
  },
): Promise<void> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < (info.pages ?? 3); i++)
    doc.addPage([300, 400]).drawText(`page ${i + 1}`, { x: 20, y: 350 });
  if (info.title) doc.setTitle(info.title);
  if (info.author) doc.setAuthor(info.author);
  doc.setCreationDate(new Date('2016-02-03T04:05:06Z'));
  if (info.xmp) {
    const x = info.xmp;
    const packet = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
${x.title ? `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x.title}</rdf:li></rdf:Alt></dc:title>` : ''}
${x.creator ? `<dc:creator><rdf:Seq><rdf:li>${x.creator}</rdf:li></rdf:Seq></dc:creator>` : ''}
${x.publisher ? `<dc:publisher><rdf:Bag><rdf:li>${x.publisher}</rdf:li></rdf:Bag></dc:publisher>` : ''}
${x.language ? `<dc:language><rdf:Bag><rdf:li>${x.language}</rdf:li></rdf:Bag></dc:language>` : ''}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    const stream = doc.context.stream(packet, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
  await writeFile(path, await doc.save());
}

export async function makeCbz(path: string, comicInfo: string | null, pages = 4): Promise<void> {
  const zip = new yazl.ZipFile();
  for (let i = 1; i <= pages; i++)
    zip.addBuffer(Buffer.alloc(100, i), `pages/${String(i).padStart(3, '0')}.jpg`, { compress: false });
  if (comicInfo) zip.addBuffer(Buffer.from(comicInfo), 'ComicInfo.xml');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
}

/** A minimal but well-formed Mobipocket file: Palm database, MOBI header, EXTH records, full name. */
export async function makeMobi(
  path: string,
  exth: Record<number, string>,
  fullName: string,
  version = 6,
): Promise<void> {
  const records = Object.entries(exth).map(([type, value]) => {
    const data = Buffer.from(value, 'utf8');
    const rec = Buffer.alloc(8 + data.length);
    rec.writeUInt32BE(Number(type), 0);
    rec.writeUInt32BE(8 + data.length, 4);
    data.copy(rec, 8);
    return rec;
  });
  const exthBody = Buffer.concat(records);
  const exthLength = 12 + exthBody.length;
  const pad = (4 - (exthLength % 4)) % 4;
  const exthHead = Buffer.alloc(12);
  exthHead.write('EXTH', 0, 'latin1');
  exthHead.writeUInt32BE(exthLength, 4);
  exthHead.writeUInt32BE(records.length, 8);
  const mobiHeaderLength = 232;
  const rec0Head = Buffer.alloc(16 + mobiHeaderLength);
  rec0Head.writeUInt16BE(1, 0); // no compression
  rec0Head.write('MOBI', 16, 'latin1');
  rec0Head.writeUInt32BE(mobiHeaderLength, 20);
  rec0Head.writeUInt32BE(2, 24); // book
  rec0Head.writeUInt32BE(65001, 28); // UTF-8
  rec0Head.writeUInt32BE(version, 36);
  const name = Buffer.from(fullName, 'utf8');
  const nameOffset = rec0Head.length + exthLength + pad;
  rec0Head.writeUInt32BE(nameOffset, 84);
  rec0Head.writeUInt32BE(name.length, 88);
  rec0Head.writeUInt32BE(0x40, 128); // has EXTH
  const record0 = Buffer.concat([rec0Head, exthHead, exthBody, Buffer.alloc(pad), name, Buffer.alloc(2)]);
  const record1 = Buffer.from('<html><body>text</body></html>');
  const header = Buffer.alloc(78 + 2 * 8 + 2);
  header.write('test-book', 0, 'latin1');
  header.write('BOOKMOBI', 60, 'latin1');
  header.writeUInt16BE(2, 76);
  const first = header.length;
  header.writeUInt32BE(first, 78);
  header.writeUInt32BE(first + record0.length, 86);
  await writeFile(path, Buffer.concat([header, record0, record1]));
}
