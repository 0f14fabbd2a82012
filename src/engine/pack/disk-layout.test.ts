import { describe, expect, it } from 'vitest';
import { FindingCollector, getProfile } from '../rules/index.js';
import { agreedTotal, diskNumbers, diskOfVolume, findMissingDisks, foldDiskFindings } from './disk-layout.js';

const profile = getProfile('ebook-2022');

describe('eBOOK disk layout', () => {
  it('reads disk numbers only when every disk follows one pattern', () => {
    expect(diskNumbers(['abc01.zip', 'abc02.zip'])?.numbers.get('abc02.zip')).toBe(2);
    expect(diskNumbers(['abc01.zip', 'xyz02.zip'])).toBeNull();
    expect(diskNumbers(['abc01.zip', 'readme.zip'])).toBeNull();
  });

  it('takes the total most DIZ counters agree on', () => {
    expect(agreedTotal([{ total: 6 }, null, { total: 5 }, { total: 6 }])).toBe(6);
    expect(agreedTotal([null])).toBeNull();
  });

  it('names missing disks as a run, a trailing one by the DIZ total, and counts unnamed ones', () => {
    const out = new FindingCollector(profile);
    const { missing, missingCount } = findMissingDisks(['g01.zip', 'g02.zip', 'g05.zip'], 7, out);
    expect(out.findings.map((f) => f.detail)).toEqual([
      'g03.zip to g04.zip are missing: the disks jump from 02 to 05',
      'g06.zip to g07.zip are missing; the DIZ counters say 7 disks',
    ]);
    expect([...missing]).toEqual([
      ['g03.zip', 'g03.zip'],
      ['g04.zip', 'g03.zip'],
      ['g06.zip', 'g06.zip'],
      ['g07.zip', 'g06.zip'],
    ]);
    expect(missingCount).toBe(4);

    const loose = new FindingCollector(profile);
    expect(findMissingDisks(['a.zip', 'b.zip'], 3, loose).missingCount).toBe(1);
    expect(loose.findings.map((f) => f.detail)).toEqual(['The DIZ counters say 3 disks; 2 are here']);
  });

  it('finds the disk of a volume: where it came out, else its place in the set', () => {
    const diskOf = diskOfVolume(new Map([['x.rar', 'g01.zip']]), ['g01.zip', 'g03.zip']);
    expect(diskOf('x.rar')).toBe('g01.zip');
    expect(diskOf('x.r00')).toBe('g02.zip');
    expect(diskOf('notes.txt')).toBeNull();
  });

  it('folds a volume finding under its missing disk, and counts disks', () => {
    const out = new FindingCollector(profile);
    const { missing, missingCount } = findMissingDisks(['g01.zip', 'g03.zip'], 3, out);
    out.add('release.volume-sequence', 'x.r00 is missing', 'x.r00', { code: 'rar.volume-missing' });
    const volumeRoot = {
      ...out.findings[1]!,
      code: 'volume.missing',
      effects: [{ ...out.findings[1]!, detail: 'File CRC mismatch' }],
    };
    const folded = foldDiskFindings([out.findings[0]!, volumeRoot], {
      present: ['g01.zip', 'g03.zip'],
      missing,
      missingCount,
      diskOf: diskOfVolume(new Map(), ['g01.zip', 'g03.zip']),
    });
    expect(folded.findings.map((f) => f.detail)).toEqual(['g02.zip is missing']);
    expect(folded.findings[0]!.effects!.map((f) => f.detail)).toEqual([
      'x.r00 is missing',
      'File CRC mismatch',
    ]);
    expect(folded.tally).toEqual({ unit: 'disk', ok: 2, bad: 0, missing: 1 });
  });
});
