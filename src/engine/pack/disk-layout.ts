import { volumeIndexFromName } from '../rar/index.js';
import type { Finding, FindingCollector } from '../rules/index.js';
import type { VolumeTally } from './fold-findings.js';

/**
 * The disks of an eBOOK release as a site counts them: the ones in the folder, the ones the
 * numbers in their names and the DIZ counters say should be there, and which RAR volume each holds.
 */
export interface DiskLayout {
  /** ZIP disks in the folder, in folder order. */
  readonly present: readonly string[];
  /** Disks that should be there and are not, each with the disk its finding is filed under. */
  readonly missing: ReadonlyMap<string, string>;
  /** How many disks are missing (also known when the names carry no numbers to name them by). */
  readonly missingCount: number;
  /** The disk a RAR volume came out of, or would have (lower-case volume name → disk name). */
  diskOf(volume: string): string | null;
}

const NUMBERED_DISK = /^(.*?)(\d{2})\.zip$/i;

/** `grpttl01.zip` … → base and number per disk, when every disk follows one such pattern. */
export function diskNumbers(names: readonly string[]): { base: string; numbers: Map<string, number> } | null {
  const parsed = names.map((n) => NUMBERED_DISK.exec(n));
  if (parsed.length === 0 || parsed.some((p) => !p)) return null;
  if (new Set(parsed.map((p) => p![1]!.toLowerCase())).size !== 1) return null;
  return { base: parsed[0]![1]!, numbers: new Map(names.map((n, i) => [n, Number(parsed[i]![2])])) };
}

/** The total most DIZ counters agree on (a damaged disk or two does not outvote the rest). */
export function agreedTotal(counters: readonly ({ total: number } | null)[]): number | null {
  const votes = new Map<number, number>();
  for (const c of counters) if (c) votes.set(c.total, (votes.get(c.total) ?? 0) + 1);
  let best: number | null = null;
  for (const [total, count] of votes) if (best === null || count > votes.get(best)!) best = total;
  return best;
}

/**
 * Names the disks that are not there: gaps in the numbering (`grptss03.zip is missing`), and
 * disks after the last one when the DIZ counters say there are more. A run is one finding: a disk
 * renamed from 03 to 99 is not 96 problems. Without numbered names only the count can be told.
 */
export function findMissingDisks(
  present: readonly string[],
  total: number | null,
  out: FindingCollector,
): { missing: Map<string, string>; missingCount: number } {
  const missing = new Map<string, string>();
  const numbering = diskNumbers(present);
  if (!numbering) {
    const count = total !== null && total > present.length ? total - present.length : 0;
    if (count > 0)
      out.add(
        'release.volume-sequence',
        `The DIZ counters say ${total} disks; ${present.length} are here`,
        undefined,
        { code: 'disk.missing' },
      );
    return { missing, missingCount: count };
  }
  const name = (n: number) => `${numbering.base}${String(n).padStart(2, '0')}.zip`;
  const have = new Set(numbering.numbers.values());
  const last = Math.max(total ?? 0, ...have);
  for (let n = 1; n <= last; n++) {
    if (have.has(n)) continue;
    let end = n;
    while (end + 1 <= last && !have.has(end + 1)) end++;
    const root = name(n);
    for (let k = n; k <= end; k++) missing.set(name(k), root);
    const counted = end >= Math.max(...have) ? `; the DIZ counters say ${total} disks` : '';
    out.add(
      'release.volume-sequence',
      end === n
        ? `${root} is missing${counted}`
        : `${root} to ${name(end)} are missing${counted || `: the disks jump from ${pad(n - 1)} to ${pad(end + 1)}`}`,
      root,
      { code: 'disk.missing' },
    );
    n = end;
  }
  return { missing, missingCount: missing.size };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The disk a volume belongs to: the one it came out of, else (its disk is missing or would not
 * open) the disk its place in the set gives: `.rar` in disk 01, `.r00` in disk 02 …
 */
export function diskOfVolume(
  extracted: ReadonlyMap<string, string>,
  present: readonly string[],
): (volume: string) => string | null {
  const numbering = diskNumbers(present);
  return (volume) => {
    const known = extracted.get(volume.toLowerCase());
    if (known) return known;
    const index = volumeIndexFromName(volume)?.index;
    if (index === undefined || !numbering) return null;
    return `${numbering.base}${pad(index + 1)}.zip`;
  };
}

/**
 * One problem, one finding, for disks: a missing or damaged disk is the cause, named by its file,
 * and what the RAR set inside says about it (its volume missing, the book's CRC wrong, parts that
 * no longer add up) is folded under it. Runs after foldFollowOnFindings, whose volume findings
 * (`volume.missing`, `volume.bad`) it files under their disks. The tally counts disks.
 */
export function foldDiskFindings(
  findings: readonly Finding[],
  layout: DiskLayout,
): { findings: Finding[]; tally: VolumeTally | null } {
  const present = new Set(layout.present.map((d) => d.toLowerCase()));
  const rootKey = (disk: string) => (layout.missing.get(disk) ?? disk).toLowerCase();
  const roots = new Map<string, { root: Finding; effects: Finding[]; bad: boolean }>();
  for (const f of findings) {
    if (f.code === 'disk.missing' && f.subject)
      roots.set(f.subject.toLowerCase(), { root: f, effects: [], bad: false });
    if (f.code === 'disk.bad' && f.subject && !roots.has(f.subject.toLowerCase()))
      roots.set(f.subject.toLowerCase(), { root: f, effects: [], bad: true });
  }
  const rest: Finding[] = [];
  for (const f of findings) {
    if (f.subject && roots.get(f.subject.toLowerCase())?.root === f) continue;
    const disk = f.code?.startsWith('volume.') && f.subject ? layout.diskOf(f.subject) : null;
    const key = disk ? rootKey(disk) : null;
    const owner = key ? roots.get(key) : undefined;
    if (owner) {
      owner.effects.push(...flatten(f));
    } else if (disk && key && f.code === 'volume.bad' && present.has(key)) {
      // The ZIP opened, but the volume inside is damaged (a disk re-zipped around bad bytes).
      roots.set(key, {
        root: { ...f, code: 'disk.bad', subject: disk, detail: `${disk}: ${f.detail}` },
        effects: [],
        bad: true,
      });
    } else {
      rest.push(f);
    }
  }
  // Numbered disk names sort in disk order, missing ones in their place.
  const causes = [...roots.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { root, effects }]) => {
      const all = [...(root.effects ?? []), ...effects];
      return all.length ? { ...root, effects: all } : root;
    });
  const bad = [...roots.entries()].filter(([key, r]) => r.bad && present.has(key)).length;
  const tally =
    layout.present.length + layout.missingCount === 0
      ? null
      : { unit: 'disk' as const, ok: layout.present.length - bad, bad, missing: layout.missingCount };
  return { findings: [...causes, ...rest], tally };
}

/** Effects are one level deep: a folded finding's own effects go beside it, under the disk. */
function flatten(f: Finding): Finding[] {
  const { effects, ...bare } = f;
  return [bare, ...(effects ?? [])];
}
