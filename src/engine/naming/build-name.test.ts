import { describe, expect, it } from 'vitest';
import { getProfile } from '../rules/index.js';
import { buildEbookName, parseEbookName } from './ebook-name.js';
import { buildEpisodeName, parseEpisodeName } from './episode-name.js';
import { NamingErrorCode } from './naming-error.js';
import { checkReleaseName } from './validate-name.js';

const eb = getProfile('ebook-2022');
const tv = getProfile('tv-720p-2016');

describe('buildEbookName', () => {
  it('follows the tag order and the profile spelling of tags', () => {
    const { name } = buildEbookName(eb, {
      author: 'Selma Lagerlöf',
      title: 'Nils Holgerssons underbara resa',
      year: 1906,
      language: 'sv',
      source: 'scan',
      extraTags: ['proper'],
      format: 'epub',
      group: 'GRP',
    });
    expect(name).toBe(
      'Selma.Lagerlof.Nils.Holgerssons.underbara.resa.1906.SWEDiSH.SCAN.PROPER.ePUB.eBOOK-GRP',
    );
    expect(checkReleaseName(eb, name, { fileExtension: 'epub' }).findings).toEqual([]);
  });

  it('transliterates, drops apostrophes, spells out & and never repeats punctuation', () => {
    const { name, notes } = buildEbookName(eb, {
      author: 'Zoë O’Brien-Łukasz',
      title: 'Crème brûlée & Other -- Stories: Vol. 2 (Straße)!',
      year: 2020,
      source: 'RETAiL',
      format: 'pdf',
      group: 'GRP',
    });
    expect(name).toBe('Zoe.OBrien.Lukasz.Creme.brulee.and.Other.Stories.Vol.2.Strasse.2020.RETAiL.eBOOK-GRP');
    expect(notes.join(' ')).toMatch(/normalised/);
  });

  it('shortens an over-long title to fit 243 characters and says so', () => {
    const { name, notes } = buildEbookName(eb, {
      title: 'Word '.repeat(80),
      year: 2020,
      source: 'RETAiL',
      format: 'pdf',
      group: 'GRP',
    });
    expect(name.length).toBeLessThanOrEqual(243);
    expect(name).toMatch(/^Word\.Word\..*\.2020\.RETAiL\.eBOOK-GRP$/);
    expect(notes.join(' ')).toMatch(/shortened .*NFO/);
  });

  it('lists every missing field at once', () => {
    expect(() => buildEbookName(eb, { title: '', format: 'pdf', group: 'GRP' })).toThrow(
      expect.objectContaining({
        code: NamingErrorCode.MISSING_FIELDS,
        details: expect.objectContaining({ missing: ['title', 'year', 'source'] }),
      }),
    );
  });

  it('refuses English as a tag and unknown languages', () => {
    const base = { title: 'T', year: 2020, source: 'RETAiL', format: 'pdf', group: 'GRP' } as const;
    expect(buildEbookName(eb, { ...base, language: 'en' }).name).toBe('T.2020.RETAiL.eBOOK-GRP');
    expect(() => buildEbookName(eb, { ...base, language: 'xx' })).toThrow(
      expect.objectContaining({ code: NamingErrorCode.INVALID_FIELD }),
    );
  });

  it('parses back what it built', () => {
    const parsed = parseEbookName(eb, 'PC.Magazine.NR03.2008.FRENCH.RETAiL.MAGAZiNE.eBOOk-GRP');
    expect(parsed).toMatchObject({
      group: 'GRP',
      titleWords: ['PC', 'Magazine', 'NR03'],
      year: 2008,
      language: 'FRENCH',
      source: 'RETAiL',
      type: 'MAGAZiNE',
      section: 'eBOOK',
    });
  });
});

describe('buildEpisodeName', () => {
  it('builds the weekly template with title, tags and language', () => {
    const { name } = buildEpisodeName(tv, {
      show: "Grey's Anatomy",
      season: 1,
      episodes: [2, 3],
      episodeTitle: 'A Hard Day’s Night',
      tags: ['proper'],
      language: 'de',
      resolution: '720p',
      format: 'hdtv',
      group: 'GRP',
    });
    expect(name).toBe('Greys.Anatomy.S01E02-E03.A.Hard.Days.Night.PROPER.GERMAN.720p.HDTV.x264-GRP');
    expect(checkReleaseName(tv, name).findings).toEqual([]);
  });

  it('builds daily and miniseries markers, and WEB codec joined to the format', () => {
    expect(
      buildEpisodeName(tv, {
        show: 'The Daily',
        date: '2024-01-31',
        format: 'HDTV',
        resolution: '720p',
        group: 'G',
      }).name,
    ).toBe('The.Daily.2024.01.31.720p.HDTV.x264-G');
    const web = getProfile('web-2020');
    expect(
      buildEpisodeName(web, {
        show: 'Mini',
        part: 2,
        format: 'WEB',
        codec: 'h265',
        resolution: '2160p',
        group: 'G',
      }).name,
    ).toBe('Mini.Part.2.2160p.WEB.H265-G');
  });

  it('needs a codec for WEB and a resolution for 720p', () => {
    const web = getProfile('web-2020');
    expect(() =>
      buildEpisodeName(web, {
        show: 'S',
        season: 1,
        episodes: [1],
        format: 'WEB',
        resolution: '1080p',
        group: 'G',
      }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ missing: ['codec'] }) }));
    expect(() =>
      buildEpisodeName(tv, { show: 'S', season: 1, episodes: [1], format: 'HDTV', group: 'G' }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ missing: ['resolution'] }) }));
  });

  it('parses season, episodes, title, tags, resolution, format and codec', () => {
    expect(parseEpisodeName(tv, 'Show.Name.S02E01A.Pilot.REAL.PROPER.720p.HDTV.x264-GRP')).toMatchObject({
      group: 'GRP',
      showWords: ['Show', 'Name'],
      episode: { kind: 'season', season: 2, episodes: [1], part: 'A' },
      episodeTitleWords: ['Pilot'],
      tags: ['REAL', 'PROPER'],
      resolution: '720p',
      format: 'HDTV',
      codec: 'x264',
    });
  });
});
