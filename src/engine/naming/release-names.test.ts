// Release names from the facts file (../shared/rules/scene-rules.md §1.6, §2.3): its examples
// and names built from its templates must pass; broken ones must give exactly the expected rule ids.
import { describe, expect, it } from 'vitest';
import { getProfile } from '../rules/index.js';
import { checkReleaseName } from './validate-name.js';

type Row = readonly [
  profile: string,
  name: string,
  blocking: readonly string[],
  warnings?: readonly string[],
];

const VALID: readonly Row[] = [
  // §1.6 examples, verbatim
  ['ebook-2022', 'J.R.R.Tolkien.The.Lord.of.The.Rings.1955.SCAN.eBOOK-GRP', []],
  ['ebook-2022', 'J.R.R.Tolkien.The.Lord.of.The.Rings.2010.RETAiL.eBOOK-GRP', []],
  ['ebook-2022', 'Himmel.Over.London.2010.SWEDiSH.RETAiL.ePUB.eBOOK-COOLGROUPTAG', []],
  ['ebook-2022', 'PC.Magazine.NR03.2008.FRENCH.RETAiL.MAGAZiNE.eBOOk-GRP', []],
  ['ebook-2022', 'Batman.Vol.23.No.22.Dec.2007.SWEDiSH.SCAN.COMiC.eBOOk-COOLGRP', []],
  ['ebook-2022', 'Ken.Follet.Pillars.6th.Edition.2007.FRENCH.RETAiL.eBOOk-GRP', []],
  // extra tags sit between the source and the format tag
  ['ebook-2022', 'Some.Author.Some.Title.2021.RETAiL.PROPER.ePUB.eBOOK-GRP', []],
  // §2.3 examples and templates
  ['tv-720p-2016', 'Show.Name.S01E02.Episode.Title.720p.HDTV.x264-GROUP', []],
  ['tv-720p-2016', 'Show.Name.S01E02-E03.720p.HDTV.x264-GROUP', []],
  ['tv-720p-2016', 'Show.Name.S02E01A.REAL.REAL.PROPER.720p.HDTV.x264-GROUP', []],
  ['tv-720p-2016', 'Show.Name.S01E02.HR.PDTV.x264-GROUP', []],
  ['tv-720p-2016', 'Daily.Show.2024.01.31.Guest.Name.720p.HDTV.x264-GROUP', []],
  ['tv-720p-2016', 'Show.Name.UK.2019.S01E02.FRENCH.720p.HDTV.x264-GROUP', []],
  ['tv-sd-2016', 'Show.Name.S01E02.HDTV.x264-GROUP', []],
  ['tv-sd-2016', 'One.Piece.E01.PDTV.x264-GROUP', []],
  ['tv-sd-2016', 'Miniseries.Name.Part.2.DSR.x264-GROUP', []],
  ['web-2020', 'Show.Name.S01E02.1080p.WEB.H264-GROUP', []],
  ['web-2020', 'Show.Name.S01E02.2160p.WEBRip.x265-GROUP', []],
];

const INVALID: readonly Row[] = [
  ['ebook-2022', 'Some Book.2020.RETAiL.eBOOK-GRP', ['name.charset']],
  ['ebook-2022', 'Some.Book.2020.RETAiL.eBOOK', ['name.group-tag']],
  ['ebook-2022', 'Some.Book.RETAiL.eBOOK-GRP', ['name.year']],
  ['ebook-2022', 'Some.Book.2020.eBOOK-GRP', ['name.source-tag']],
  ['ebook-2022', 'Some.Book.2020.RETAiL-GRP', ['name.section-tag']],
  ['ebook-2022', 'Some.Book.2020.ENGLISH.RETAiL.eBOOK-GRP', ['name.language-tag']],
  ['ebook-2022', 'Some.Book.2020.RETAiL.RETAiL.eBOOK-GRP', ['name.tag-repeated']],
  ['ebook-2022', 'Some..Book.2020.RETAiL.eBOOK-GRP', [], ['name.consecutive-punctuation']],
  ['ebook-2022', 'Some.Book.2020.ePUB.RETAiL.eBOOK-GRP', [], ['name.tag-order']],
  ['ebook-2022', `${'Very.Long.Title.'.repeat(16)}2020.RETAiL.eBOOK-GRP`, ['name.length']],
  ['tv-720p-2016', 'Show.Name.S01E02.720p.HDTV.x264', ['name.group-tag']],
  ['tv-720p-2016', 'Show.Name.720p.HDTV.x264-GRP', ['name.episode']],
  ['tv-720p-2016', 'Show.Name.S01E02.HDTV.x264-GRP', ['name.resolution']],
  ['tv-720p-2016', 'Show.Name.S01E02.1080p.HDTV.x264-GRP', ['name.resolution']],
  ['tv-720p-2016', 'Show.Name.S01E02.720p.WEB.H264-GRP', ['name.format', 'name.codec']],
  ['tv-720p-2016', 'Show.Name.S01E02.720p.HDTV.XviD-GRP', ['name.codec']],
  ['tv-720p-2016', 'Show.Name.S01E02.READ.NFO.720p.HDTV.x264-GRP', ['name.tag-variant']],
  ['tv-720p-2016', 'Show.Name.S01E02.PROPER.PROPER.720p.HDTV.x264-GRP', ['name.tag-repeated']],
  ['tv-720p-2016', 'Show.Name.S01E02.READNFO.REPACK.720p.HDTV.x264-GRP', ['name.tag-combination']],
  ['tv-720p-2016', 'Show.Name.S01E02.ENGLISH.720p.HDTV.x264-GRP', ['name.language-tag']],
  ['tv-720p-2016', 'Show.Name.S01E02..720p.HDTV.x264-GRP', ['name.consecutive-punctuation']],
  ['tv-720p-2016', 'Show.Name.S01E02.720p.HDTV.x264-GRP!', ['name.charset', 'name.group-tag']],
  ['tv-720p-2016', 'Show.Name.S01E02.FAKETAG.720p.HDTV.x264-GRP', [], ['name.tag-unknown']],
  ['tv-sd-2016', 'Show.Name.S01E02.720p.HDTV.x264-GRP', ['name.resolution']],
  ['tv-sd-2016', 'Show.Name.S01E02.HR.PDTV.x264-GRP', ['name.format']],
  ['web-2020', 'Show.Name.S01E02.1080p.WEB.x264-GRP', ['name.codec']],
  ['web-2020', 'Show.Name.S01E02.WEB.H264-GRP', ['name.resolution']],
];

function idsBySeverity(profile: string, name: string) {
  const { findings } = checkReleaseName(getProfile(profile), name);
  return {
    block: [...new Set(findings.filter((f) => f.severity === 'block').map((f) => f.id))].sort(),
    warn: [...new Set(findings.filter((f) => f.severity === 'warn').map((f) => f.id))].sort(),
  };
}

describe('release names from the facts file', () => {
  it.each(VALID.map(([profile, name]) => [profile, name] as const))('%s accepts %s', (profile, name) => {
    expect(idsBySeverity(profile, name)).toEqual({ block: [], warn: [] });
  });

  it.each(INVALID.map(([p, n, b, w]) => [p, n, b, w ?? []] as const))(
    '%s: %s',
    (profile, name, blocking, warnings) => {
      expect(idsBySeverity(profile, name)).toEqual({
        block: [...blocking].sort(),
        warn: [...warnings].sort(),
      });
    },
  );

  it('checks the eBOOK format tag against the packed file', () => {
    const eb = getProfile('ebook-2022');
    const ids = (name: string, ext: string) =>
      checkReleaseName(eb, name, { fileExtension: ext }).findings.map((f) => f.id);
    expect(ids('A.Book.2020.RETAiL.ePUB.eBOOK-GRP', 'epub')).toEqual([]);
    expect(ids('A.Book.2020.RETAiL.eBOOK-GRP', 'pdf')).toEqual([]);
    expect(ids('A.Book.2020.RETAiL.eBOOK-GRP', 'epub')).toEqual(['name.format-tag']);
    expect(ids('A.Book.2020.RETAiL.ePUB.eBOOK-GRP', 'pdf')).toEqual(['name.format-tag']);
    expect(ids('A.Book.2020.RETAiL.MOBI.eBOOK-GRP', 'azw3')).toEqual(['name.format-tag']);
  });

  it('reports every finding with the rule text and its source', () => {
    const { findings } = checkReleaseName(getProfile('tv-720p-2016'), 'Bad Name');
    expect(findings.length).toBeGreaterThanOrEqual(4);
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.ref).toMatch(/§/);
      expect(f.detail.length).toBeGreaterThan(5);
    }
  });
});
