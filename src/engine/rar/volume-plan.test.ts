// Covers: exact volume sizes for both formats and namings, RAR5 vint width boundaries (padding
// keeps volumes exact), empty files, naming limits, and name validation.
import { describe, expect, it } from 'vitest';
import { RarErrorCode } from './errors.js';
import { decodeRar4FileName, encodeRar4FileName } from './rar4-file-name.js';
import { decodeVint, encodeVint, vintLength } from './vint.js';
import { volumeFileName, volumeIndexFromName } from './volume-naming.js';
import { planRarVolumes } from './volume-plan.js';

const mtime = { unixSeconds: 1_700_000_000, nanoseconds: 0 };
const file = (name: string, size: number) => ({ name, size, mtime });

describe('planRarVolumes', () => {
  for (const format of ['rar4', 'rar5'] as const) {
    it(`${format}: every volume but the last is exactly the volume size`, () => {
      for (const volumeSize of [1_000, 16_383 + 40, 16_384 + 41, 50_000, 2_097_152 + 17]) {
        const plan = planRarVolumes({
          files: [file('a.bin', 123_456), file('b.bin', 0), file('c.bin', 7)],
          format,
          naming: 'part',
          baseName: 'x',
          volumeSize,
        });
        for (const v of plan.volumes.slice(0, -1)) expect(v.size, `${format} ${volumeSize}`).toBe(volumeSize);
        const stored = plan.volumes.flatMap((v) => v.segments).reduce((n, s) => n + s.length, 0);
        expect(stored).toBe(123_463);
      }
    });
  }

  it('RAR5 pads the Data size vint when a part sits on a width boundary', () => {
    // Sweep volume sizes around the 2→3 byte vint boundary (16,384).
    for (let volumeSize = 16_360; volumeSize < 16_420; volumeSize++) {
      const plan = planRarVolumes({
        files: [file('a', 100_000)],
        format: 'rar5',
        naming: 'part',
        baseName: 'x',
        volumeSize,
      });
      for (const v of plan.volumes.slice(0, -1)) expect(v.size).toBe(volumeSize);
    }
  });

  it('issue #20: names an archive that is no volume set name.rar, whatever the naming', () => {
    for (const format of ['rar4', 'rar5'] as const) {
      const single = planRarVolumes({ files: [file('a.bin', 10)], format, naming: 'part', baseName: 'set' });
      expect(single.volumes.map((v) => v.fileName)).toEqual(['set.rar']);
      const oneVolume = planRarVolumes({
        files: [file('a.bin', 10)],
        format,
        naming: 'part',
        baseName: 'set',
        volumeSize: 10_000,
      });
      expect(oneVolume.volumes.map((v) => v.fileName)).toEqual(['set.part1.rar']);
    }
  });

  it('names old-style volumes .rar, .r00 … .r99, .s00', () => {
    expect([0, 1, 100, 101, 900].map((i) => volumeFileName('x', i, 901, 'old'))).toEqual([
      'x.rar',
      'x.r00',
      'x.r99',
      'x.s00',
      'x.z99',
    ]);
    expect(volumeFileName('x', 9, 10, 'part')).toBe('x.part10.rar');
    expect(volumeFileName('x', 0, 10, 'part')).toBe('x.part01.rar');
    expect(volumeIndexFromName('x.s00')).toEqual({ baseName: 'x', index: 101, naming: 'old' });
    expect(volumeIndexFromName('x.part07.rar')).toEqual({ baseName: 'x', index: 6, naming: 'part' });
  });

  it('refuses volumes too small, too many volumes and bad names with codes', () => {
    const plan =
      (files: ReturnType<typeof file>[], volumeSize: number, naming: 'old' | 'part' = 'old') =>
      () =>
        planRarVolumes({ files, format: 'rar4', naming, baseName: 'x', volumeSize });
    expect(plan([file('a', 10)], 50)).toThrow(
      expect.objectContaining({ code: RarErrorCode.VOLUME_TOO_SMALL }),
    );
    expect(plan([file('a', 1_000_000)], 1_000)).toThrow(
      expect.objectContaining({ code: RarErrorCode.TOO_MANY_VOLUMES }),
    );
    for (const name of ['', '/abs', '../up', 'a//b', 'back\\slash', 'nul\u0000', '\ud800x']) {
      expect(plan([file(name, 1)], 1_000), name).toThrow(
        expect.objectContaining({ code: RarErrorCode.NAME_INVALID }),
      );
    }
    expect(plan([file('A.bin', 1), file('a.BIN', 1)], 1_000)).toThrow(
      expect.objectContaining({ code: RarErrorCode.DUPLICATE_NAME }),
    );
  });
});

describe('vint and RAR4 names', () => {
  it('round-trips vints, including padded ones and values over 2^32', () => {
    for (const value of [0, 1, 127, 128, 16_383, 16_384, 2 ** 32 + 5, 2 ** 53 - 1]) {
      expect(decodeVint(encodeVint(value), 0)).toEqual({ value, length: vintLength(value) });
      expect(decodeVint(encodeVint(value, 10), 0).value).toBe(value);
    }
    expect([...encodeVint(5, 3)]).toEqual([0x85, 0x80, 0x00]);
  });

  it('stores ASCII names plainly and round-trips Unicode names through the two-part form', () => {
    expect(encodeRar4FileName('a\\b.txt')).toEqual({ bytes: Buffer.from('a\\b.txt'), isUnicode: false });
    for (const name of ['txt\\Κείμενο στην ελληνική γλώσσα.txt', 'Ünïcødé 日本語 🎬.bin', 'é']) {
      const encoded = encodeRar4FileName(name);
      expect(encoded.isUnicode).toBe(true);
      expect(decodeRar4FileName(encoded.bytes, true)).toBe(name);
    }
  });
});
