import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCbz, makeMobi, makePdf } from '../../../test/helpers/make-ebooks.js';
import { makeMkv } from '../../../test/helpers/make-mkv.js';
import { tempDir } from '../../../test/helpers/readers.js';
import { shouldRunWith } from '../../../test/helpers/tools.js';
import { bookFields, extractMetadata } from './extract-metadata.js';

describe('file metadata extractors', () => {
  it('PDF: the info dictionary first, XMP for what it lacks, and the page count', async () => {
    const dir = await tempDir('pdf');
    await makePdf(join(dir, 'a.pdf'), {
      title: 'Info Title',
      xmp: { title: 'XMP Title', creator: 'Xavier Mp', publisher: 'Xmp Press', language: 'fr' },
      pages: 5,
    });
    const meta = await extractMetadata(join(dir, 'a.pdf'));
    expect(meta.kind).toBe('pdf');
    expect(meta.extracted.fields).toMatchObject({
      title: 'Info Title',
      author: 'Xavier Mp',
      publisher: 'Xmp Press',
      language: 'fr',
      pageCount: 5,
      year: 2016,
      fromXmp: ['author', 'publisher', 'language'],
    });
    expect(bookFields(meta)).toMatchObject({
      title: 'Info Title',
      author: 'Xavier Mp',
      year: 2016,
      pages: 5,
    });
    await makePdf(join(dir, 'bare.pdf'), {});
    expect((await extractMetadata(join(dir, 'bare.pdf'))).extracted.missing).toEqual(
      expect.arrayContaining(['title', 'author']),
    );
    const bytes = await readFile(join(dir, 'a.pdf'));
    await writeFile(join(dir, 'cut.pdf'), bytes.subarray(0, 40));
    await expect(extractMetadata(join(dir, 'cut.pdf'))).rejects.toMatchObject({
      code: 'METADATA_UNREADABLE',
    });
    // A PDF header in front of other bytes: pdf-lib loads it, then its getters throw TypeErrors.
    await writeFile(
      join(dir, 'junk.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5000, 0x41)]),
    );
    await expect(extractMetadata(join(dir, 'junk.pdf'))).rejects.toMatchObject({
      code: 'METADATA_UNREADABLE',
      message: expect.stringContaining('no readable catalog or page tree'),
    });
  });

  it('CBZ: ComicInfo.xml and the page count; without it only the pages', async () => {
    const dir = await tempDir('cbz');
    await makeCbz(
      join(dir, 'c.cbz'),
      '<?xml version="1.0"?><ComicInfo><Title>The Dark</Title><Series>Batman</Series><Number>22</Number><Volume>23</Volume><Year>2007</Year><Month>12</Month><Writer>Someone</Writer><Publisher>DC</Publisher><LanguageISO>sv</LanguageISO></ComicInfo>',
      6,
    );
    expect((await extractMetadata(join(dir, 'c.cbz'))).extracted.fields).toMatchObject({
      title: 'The Dark',
      series: 'Batman',
      number: '22',
      year: 2007,
      writer: 'Someone',
      language: 'sv',
      pageCount: 6,
      hasComicInfo: true,
    });
    await makeCbz(join(dir, 'plain.cbz'), null, 3);
    const plain = await extractMetadata(join(dir, 'plain.cbz'));
    expect(plain.extracted.fields).toMatchObject({ pageCount: 3, hasComicInfo: false, title: null });
    expect(plain.extracted.missing).toContain('title');
    const bytes = await readFile(join(dir, 'c.cbz'));
    await writeFile(join(dir, 'broken.cbz'), bytes.subarray(0, bytes.length - 30));
    await expect(extractMetadata(join(dir, 'broken.cbz'))).rejects.toMatchObject({
      code: 'METADATA_UNREADABLE',
    });
  });

  it('MOBI/AZW: EXTH author, publisher, ISBN, date, language and the updated title', async () => {
    const dir = await tempDir('mobi');
    await makeMobi(
      join(dir, 'b.mobi'),
      {
        100: 'Mo Bi',
        101: 'Kindle House',
        104: '978-0-00-000000-2',
        106: '2011-09-01',
        503: 'Updated Title',
        524: 'en',
      },
      'Full Name Title',
      8,
    );
    expect((await extractMetadata(join(dir, 'b.mobi'))).extracted.fields).toEqual({
      title: 'Updated Title',
      author: 'Mo Bi',
      publisher: 'Kindle House',
      isbn: '9780000000002',
      date: '2011-09-01',
      year: 2011,
      language: 'en',
      description: null,
      mobiVersion: 8,
    });
    await makeMobi(join(dir, 'n.azw3'), {}, 'Only The Name');
    const named = await extractMetadata(join(dir, 'n.azw3'));
    expect((named.extracted.fields as { title: string }).title).toBe('Only The Name');
    expect(named.extracted.missing).toEqual(expect.arrayContaining(['author', 'isbn']));
    const bytes = await readFile(join(dir, 'b.mobi'));
    const broken = Buffer.from(bytes);
    broken.write('XXXX', 78 + 18 + 16, 'latin1'); // destroy the MOBI magic of record 0
    await writeFile(join(dir, 'broken.mobi'), broken);
    await expect(extractMetadata(join(dir, 'broken.mobi'))).rejects.toMatchObject({
      code: 'METADATA_UNREADABLE',
    });
  });

  it.runIf(shouldRunWith('mkvmerge'))(
    'MKV through MediaInfo (WASM): container, duration, size, frame rate, tags',
    async () => {
      const dir = await tempDir('mi');
      makeMkv(join(dir, 'v.mkv'), { width: 1920, height: 1080, seconds: 8, fps: 25 });
      const meta = await extractMetadata(join(dir, 'v.mkv'));
      expect(meta.extracted.fields).toMatchObject({
        container: 'Matroska',
        width: 1920,
        height: 1080,
        videoFormat: 'VP8',
        resolutionTag: '1080p',
      });
      expect((meta.extracted.fields as { durationSeconds: number }).durationSeconds).toBeCloseTo(8, 0);
      expect((meta.extracted.fields as { frameRate: number }).frameRate).toBeCloseTo(25, 0);
      const bytes = await readFile(join(dir, 'v.mkv'));
      await writeFile(join(dir, 'cut.mkv'), bytes.subarray(0, 64));
      await expect(extractMetadata(join(dir, 'cut.mkv'))).rejects.toMatchObject({
        code: 'METADATA_UNREADABLE',
      });
    },
  );
});
