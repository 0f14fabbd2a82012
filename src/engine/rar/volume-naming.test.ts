import { describe, expect, it } from 'vitest';
import { siblingVolumeName } from './volume-naming.js';

describe('siblingVolumeName: a missing volume named as the folder would name it', () => {
  it('old naming, from any volume of the set, across the .r99 → .s00 step', () => {
    expect(siblingVolumeName('show-grp.r05', 18)).toBe('show-grp.r17');
    expect(siblingVolumeName('show-grp.rar', 1)).toBe('show-grp.r00');
    expect(siblingVolumeName('show-grp.r00', 0)).toBe('show-grp.rar');
    expect(siblingVolumeName('show-grp.r00', 101)).toBe('show-grp.s00');
  });

  it('keeps the case of the extension and the width of the part number', () => {
    expect(siblingVolumeName('SHOW-GRP.R05', 3)).toBe('SHOW-GRP.R02');
    expect(siblingVolumeName('Book.part01.rar', 2)).toBe('Book.part03.rar');
    expect(siblingVolumeName('Book.PART001.RAR', 9)).toBe('Book.PART010.RAR');
  });

  it('past the last old-style name, says which volume it would be', () => {
    expect(siblingVolumeName('x.z99', 901)).toBe('x volume 902');
  });
});
