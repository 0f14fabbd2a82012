import { describe, expect, it } from 'vitest';
import { getProfile } from '../rules/index.js';
import { fixOf, fixTag, withTag } from './fix-tags.js';
import { checkReleaseName } from './validate-name.js';

describe('fix tags', () => {
  const tv = getProfile('tv-720p-2016');
  const ebook = getProfile('ebook-2022');

  it('spells each fix as the profile does', () => {
    expect(fixTag(tv, 'nfo')).toBe('NFOFIX');
    expect(fixTag(ebook, 'nfo')).toBe('NFOFiX');
    expect(fixTag(ebook, 'dir')).toBe('DiRFiX');
    expect(fixTag(ebook, 'sample')).toBeNull();
  });

  it.each([
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', 'Show.Name.S01E02.NFOFIX.720p.HDTV.x264-GRP'],
    [
      'Show.Name.S01E02.Episode.Title.720p.HDTV.x264-GRP',
      'Show.Name.S01E02.Episode.Title.NFOFIX.720p.HDTV.x264-GRP',
    ],
    ['Show.Name.S01E02.PROPER.720p.HDTV.x264-GRP', 'Show.Name.S01E02.PROPER.NFOFIX.720p.HDTV.x264-GRP'],
    ['Show.Name.S01E02.FRENCH.720p.HDTV.x264-GRP', 'Show.Name.S01E02.NFOFIX.FRENCH.720p.HDTV.x264-GRP'],
  ])('TV: %s → %s, a valid name, and back', (name, fixed) => {
    expect(withTag(tv, name, 'NFOFIX')).toBe(fixed);
    expect(fixOf(tv, fixed)).toEqual({ kind: 'nfo', fixes: name });
    expect(fixOf(tv, name)).toBeNull();
  });

  it.each([
    ['Ann.Author.A.Title.2020.RETAiL.ePUB.eBOOK-GRP', 'Ann.Author.A.Title.2020.RETAiL.NFOFiX.ePUB.eBOOK-GRP'],
    ['Ann.Author.A.Title.2020.RETAiL.eBOOK-GRP', 'Ann.Author.A.Title.2020.RETAiL.NFOFiX.eBOOK-GRP'],
    [
      'Ann.Author.A.Title.2020.SCAN.iNTERNAL.eBOOK-GRP',
      'Ann.Author.A.Title.2020.SCAN.iNTERNAL.NFOFiX.eBOOK-GRP',
    ],
  ])('eBOOK: %s → %s, a valid name, and back', (name, fixed) => {
    expect(withTag(ebook, name, 'NFOFiX')).toBe(fixed);
    expect(checkReleaseName(ebook, fixed).findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(fixOf(ebook, fixed)).toEqual({ kind: 'nfo', fixes: name });
  });

  it('the TV fix names pass the TV name rules', () => {
    const name = withTag(tv, 'Show.Name.S01E02.720p.HDTV.x264-GRP', 'DIRFIX');
    expect(checkReleaseName(tv, name).findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(fixOf(tv, name)).toEqual({ kind: 'dir', fixes: 'Show.Name.S01E02.720p.HDTV.x264-GRP' });
  });
});
