import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEpub } from '../../../test/helpers/make-epub.js';
import { makeMkv } from '../../../test/helpers/make-mkv.js';
import { tempDir } from '../../../test/helpers/readers.js';
import { shouldRunWith } from '../../../test/helpers/tools.js';
import { readEpubMetadata } from './epub.js';
import { readMatroskaHeader, resolutionTag } from './index.js';

describe('EPUB metadata', () => {
  it('reads title, author with its EPUB 3 role, date, language, publisher, ISBN and cover', async () => {
    const path = join(await tempDir('epub'), 'b.epub');
    await makeEpub(path, {
      title: 'Le Petit Prince',
      author: 'Antoine de Saint-Exupéry',
      date: '1943-04-06',
      language: 'fr',
      isbn: '978-2-07-040850-4',
    });
    const { fields, missing } = await readEpubMetadata(path);
    expect(fields).toMatchObject({
      title: 'Le Petit Prince',
      author: 'Antoine de Saint-Exupéry',
      creators: [{ name: 'Antoine de Saint-Exupéry', role: 'aut' }],
      date: '1943-04-06',
      year: 1943,
      language: 'fr',
      publisher: 'Test House',
      isbn: '9782070408504',
      hasCover: true,
    });
    expect(missing).toEqual([]);
  });

  it('gives a coded error for a file that is not an EPUB', async () => {
    const path = join(await tempDir('epub'), 'x.epub');
    await writeFile(path, 'not a zip at all');
    await expect(readEpubMetadata(path)).rejects.toMatchObject({ code: 'METADATA_UNREADABLE' });
  });
});

describe.runIf(shouldRunWith('mkvmerge'))('Matroska header', () => {
  it('reads the frame size and duration of a file mkvmerge wrote, and refuses a truncated one', async () => {
    const dir = await tempDir('mkv');
    makeMkv(join(dir, 'a.mkv'), { width: 1920, height: 1080, seconds: 12 });
    const { fields } = await readMatroskaHeader(join(dir, 'a.mkv'));
    expect(fields).toMatchObject({ docType: 'matroska', width: 1920, height: 1080, videoCodecId: 'V_VP8' });
    expect(fields.durationSeconds).toBeCloseTo(12, 0);
    expect(resolutionTag(fields.width!, fields.height!)).toBe('1080p');
    await writeFile(join(dir, 'bad.mkv'), Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42]));
    await expect(readMatroskaHeader(join(dir, 'bad.mkv'))).rejects.toMatchObject({
      code: 'METADATA_UNREADABLE',
    });
  });

  it('maps frame sizes to resolution tags, scope frames included', () => {
    expect(resolutionTag(720, 576)).toBe('SD');
    expect(resolutionTag(1280, 534)).toBe('720p');
    expect(resolutionTag(1920, 800)).toBe('1080p');
    expect(resolutionTag(3840, 1600)).toBe('2160p');
  });
});
