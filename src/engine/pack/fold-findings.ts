import { volumeIndexFromName } from '../rar/index.js';
import type { Finding, Severity } from '../rules/index.js';

/** A volume that is not there, as the RAR headers and the SFV see it. */
const MISSING_CODES = new Set(['rar.volume-missing', 'rar.set-incomplete', 'sfv.listed-missing']);
/** A volume that is there with the wrong bytes. */
const BAD_CODES = new Set(['rar.data-crc', 'rar.volume-crc', 'rar.header-crc', 'sfv.crc']);

export interface VolumeTally {
  /** What is counted: RAR volumes (TV), or the ZIP disks of an eBOOK release. */
  readonly unit: 'volume' | 'disk';
  readonly ok: number;
  readonly bad: number;
  readonly missing: number;
}

/**
 * One problem, one finding: what the RAR reader and the SFV each say about one volume becomes a
 * single finding named after the file (`x.r17 is missing; the SFV lists it`), and what follows
 * from it (a file CRC that cannot match with a part gone, parts that no longer add up) is folded
 * under it as `effects`. Causes come first, in the folder's volume order; other findings keep
 * their order. `volumes` are the volume names present, in order; the tally counts them as a
 * site's zipscript does.
 */
export function foldFollowOnFindings(
  findings: readonly Finding[],
  volumes: readonly string[],
): { findings: Finding[]; tally: VolumeTally | null } {
  const groups = new Map<string, { kind: 'missing' | 'bad'; members: Finding[] }>();
  const rest: Finding[] = [];
  for (const finding of findings) {
    const kind = finding.code && finding.subject ? kindOf(finding.code) : null;
    if (!kind) {
      rest.push(finding);
      continue;
    }
    const key = finding.subject!.toLowerCase();
    const group = groups.get(key) ?? { kind, members: [] };
    // A volume is either there or not; "missing" wins if the two disagree.
    if (kind === 'missing') group.kind = 'missing';
    group.members.push(finding);
    groups.set(key, group);
  }
  const roots = new Map<string, { root: Finding; effects: Finding[] }>();
  for (const [key, group] of groups) roots.set(key, { root: rootOf(group.kind, group.members), effects: [] });

  const unfolded: Finding[] = [];
  for (const finding of rest) {
    const cause = finding.causedBy?.map((c) => roots.get(c.toLowerCase())).find(Boolean);
    if (cause) cause.effects.push(finding);
    else unfolded.push(finding);
  }
  // Volume order, missing ones in their place: .rar, .r00, .r01 …
  const order = (name: string) => volumeIndexFromName(name)?.index ?? Number.MAX_SAFE_INTEGER;
  const causes = [...roots.entries()]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { root, effects }]) => {
      const all = [...(root.effects ?? []), ...effects].map(strip);
      return strip({ ...root, ...(all.length ? { effects: all } : {}) });
    });
  const tally = volumes.length === 0 && groups.size === 0 ? null : tallyOf(groups, volumes);
  return { findings: [...causes, ...unfolded.map(strip)], tally };
}

function kindOf(code: string): 'missing' | 'bad' | null {
  if (MISSING_CODES.has(code)) return 'missing';
  if (BAD_CODES.has(code)) return 'bad';
  return null;
}

/** The finding a user reads for one volume; what each checker said stays under it. */
function rootOf(kind: 'missing' | 'bad', members: readonly Finding[]): Finding {
  const rar = members.filter((m) => m.code?.startsWith('rar.'));
  const sfv = members.filter((m) => m.code?.startsWith('sfv.'));
  const lead = rar[0] ?? sfv[0]!;
  const name = lead.subject!;
  let detail: string;
  if (kind === 'missing') {
    const said = rar[0]?.detail ?? `${name} is missing`;
    detail = sfv.length > 0 && rar.length > 0 ? `${said}; the SFV lists it` : said;
  } else {
    const dataRar = rar.some((m) => m.code !== 'rar.header-crc');
    const what = rar.length > 0 && !dataRar ? 'header CRC mismatch' : 'CRC mismatch';
    const who = [sfv.length > 0 ? 'SFV' : null, rar.length > 0 ? 'RAR' : null].filter(Boolean).join(' and ');
    detail = `${name}: ${what} (${who})`;
  }
  const severity: Severity = members.some((m) => m.severity === 'block') ? 'block' : lead.severity;
  const { causedBy: _c, ...rest } = lead;
  const base = { ...rest, code: kind === 'missing' ? 'volume.missing' : 'volume.bad' };
  // The lead's own words are in the root already when it is the missing volume's line.
  const effects = members.filter((m) => !(m === lead && detail.startsWith(lead.detail)));
  return { ...base, severity, detail, effects };
}

function tallyOf(groups: ReadonlyMap<string, { kind: 'missing' | 'bad' }>, volumes: readonly string[]) {
  const present = new Set(volumes.map((v) => v.toLowerCase()));
  let bad = 0;
  let missing = 0;
  for (const [key, group] of groups) {
    if (group.kind === 'missing' && !present.has(key)) missing++;
    else if (group.kind === 'bad' && present.has(key)) bad++;
  }
  return { unit: 'volume' as const, ok: present.size - bad, bad, missing };
}

function strip(finding: Finding): Finding {
  const { causedBy: _c, ...rest } = finding;
  if (rest.effects && rest.effects.length === 0) {
    const { effects: _e, ...bare } = rest;
    return bare;
  }
  return rest;
}
