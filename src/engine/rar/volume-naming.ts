import { RelpackError } from '../errors.js';
import { RarError, RarErrorCode } from './errors.js';

export type RarFormat = 'rar4' | 'rar5';
/** `old`: name.rar, name.r00 … name.r99, name.s00 … (rar -vn). `part`: name.part1.rar … */
export type VolumeNaming = 'old' | 'part';

/** .rar, then .r00-.r99 through .z00-.z99: the range UnRAR's NextVolumeName and pyReScene's is_rar walk. */
export const OLD_NAMING_MAX_VOLUMES = 1 + 9 * 100;
/** RAR4 ENDARC VOLNUMBER is 16 bits; we hold RAR5 to the same bound. */
export const PART_NAMING_MAX_VOLUMES = 65_536;

export function maxVolumesFor(naming: VolumeNaming): number {
  return naming === 'old' ? OLD_NAMING_MAX_VOLUMES : PART_NAMING_MAX_VOLUMES;
}

export function assertNamingAllowed(format: RarFormat, naming: VolumeNaming): void {
  // UnRAR treats RAR5 as new numbering and reaches .r00 names only through a fallback (rar-format.md §1).
  if (format === 'rar5' && naming === 'old') {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      'RAR5 volumes use .partN.rar names; choose --naming part or RAR4',
      {
        format,
        naming,
      },
    );
  }
}

/**
 * File name of volume `index` (0-based) in a set of `count` volumes. Part numbers are padded to
 * the width of the count, as WinRAR does (part01 … part10).
 *
 * @example
 * volumeFileName('show.s01e01-grp', 1, 30, 'old') // 'show.s01e01-grp.r00'
 */
export function volumeFileName(baseName: string, index: number, count: number, naming: VolumeNaming): string {
  if (index < 0 || index >= count) throw new RangeError(`volume ${index} outside a set of ${count}`);
  if (count > maxVolumesFor(naming)) {
    throw new RarError(
      RarErrorCode.TOO_MANY_VOLUMES,
      `${count} volumes exceed what ${naming} naming allows`,
      {
        count,
        max: maxVolumesFor(naming),
        naming,
      },
    );
  }
  if (naming === 'part') {
    return `${baseName}.part${String(index + 1).padStart(String(count).length, '0')}.rar`;
  }
  if (index === 0) return `${baseName}.rar`;
  const n = index - 1;
  const letter = String.fromCharCode('r'.charCodeAt(0) + Math.floor(n / 100));
  return `${baseName}.${letter}${String(n % 100).padStart(2, '0')}`;
}

/** Sort key of a volume file name (.rar < .r00 … < .s00; part1 < part2), or null if not a volume. */
export function volumeIndexFromName(
  fileName: string,
): { baseName: string; index: number; naming: VolumeNaming } | null {
  const part = /^(.*)\.part(\d+)\.rar$/i.exec(fileName);
  if (part) return { baseName: part[1]!, index: Number(part[2]) - 1, naming: 'part' };
  const first = /^(.*)\.rar$/i.exec(fileName);
  if (first) return { baseName: first[1]!, index: 0, naming: 'old' };
  const old = /^(.*)\.([r-z])(\d\d)$/i.exec(fileName);
  if (old) {
    const letter = old[2]!.toLowerCase().charCodeAt(0) - 'r'.charCodeAt(0);
    return { baseName: old[1]!, index: 1 + letter * 100 + Number(old[3]), naming: 'old' };
  }
  return null;
}

/**
 * The name volume `index` has in the set `sibling` (a volume's file name) belongs to, spelled the
 * way the folder spells it: the part number as wide as the sibling's, the extension in its case.
 *
 * @example
 * siblingVolumeName('show-grp.r05', 18) // 'show-grp.r17'
 * siblingVolumeName('Book.part01.rar', 2) // 'Book.part03.rar'
 */
export function siblingVolumeName(sibling: string, index: number): string {
  const parsed = volumeIndexFromName(sibling);
  if (!parsed) throw new RangeError(`${sibling} is not a RAR volume name`);
  if (parsed.naming === 'part') {
    const digits = /\.part(\d+)\.rar$/i.exec(sibling)![1]!;
    const [, part, rar] = /\.(part)\d+\.(rar)$/i.exec(sibling)!;
    return `${parsed.baseName}.${part}${String(index + 1).padStart(digits.length, '0')}.${rar}`;
  }
  // Past .z99 old naming has no name: say which volume it would be.
  if (index >= OLD_NAMING_MAX_VOLUMES) return `${parsed.baseName} volume ${index + 1}`;
  const upper = /\.[A-Z][A-Z0-9]{2}$/.test(sibling);
  const name = volumeFileName(parsed.baseName, index, Math.max(index + 1, 2), 'old');
  if (!upper) return name;
  const dot = name.lastIndexOf('.');
  return name.slice(0, dot) + name.slice(dot).toUpperCase();
}
