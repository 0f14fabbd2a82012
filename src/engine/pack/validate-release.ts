import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ParsedEpisodeName } from '../naming/index.js';
import { checkReleaseName, fixOf, fixTag } from '../naming/index.js';
import { volumeIndexFromName } from '../rar/index.js';
import { type Finding, FindingCollector, type RuleProfile } from '../rules/index.js';
import { foldDiskFindings } from './disk-layout.js';
import { foldFollowOnFindings, type VolumeTally } from './fold-findings.js';
import { PackError, PackErrorCode } from './pack-error.js';
import { validateEbookDisks } from './validate-ebook.js';
import { validateFixFiles } from './validate-fix.js';
import { validateTvFiles } from './validate-tv.js';

export interface ValidateOptions {
  /** The name to check when the directory is still a staging name. */
  readonly releaseName?: string;
  readonly signal?: AbortSignal;
  /**
   * CRCs of the files this process just wrote (release-relative path → CRC-32), taken as the
   * bytes went out: volume data is then not read again (headers, chain, sizes and the SFV are
   * still checked against them). Never given for a release someone else made.
   */
  readonly written?: ReadonlyMap<string, number>;
}

export interface ValidationReport {
  readonly releaseName: string;
  readonly profile: string;
  readonly findings: readonly Finding[];
  /** Files found, relative to the release directory. */
  readonly files: readonly { path: string; size: number }[];
  /** The RAR volumes (TV) or ZIP disks (eBOOK) as a site counts them; null when there are none. */
  readonly volumes: VolumeTally | null;
  readonly ok: boolean;
}

export interface DirectoryListing {
  readonly files: readonly { name: string; size: number }[];
  readonly dirs: readonly { name: string; files: readonly { name: string; size: number }[] }[];
}

/**
 * The checks an FTP site runs on arrival, on a release directory: the name, the volume set
 * (sequence, sizes, headers and CRCs with our reader), the SFV against the files, ZIP
 * integrity and DIZ counters, the NFO. Returns every finding; `ok` is false on any `block`.
 */
export async function validateRelease(
  dir: string,
  profile: RuleProfile,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) {
    throw new PackError(
      PackErrorCode.NOT_A_RELEASE_DIRECTORY,
      `${dir} is not a directory; pass the release directory`,
      {
        path: dir,
      },
    );
  }
  const releaseName = options.releaseName ?? basename(dir);
  const listing = await listRelease(dir);
  const out = new FindingCollector(profile);
  for (const name of allNames(listing)) {
    if (/\s/.test(name)) out.add('release.file-spaces', `"${name}" contains a space`, name);
  }
  let findings: Finding[];
  let volumes: VolumeTally | null = null;
  const fix = fixOf(profile, releaseName);
  if (fix) {
    const tag = fixTag(profile, fix.kind)!;
    await validateFixFiles(dir, listing, profile, { ...fix, tag, releaseName }, out);
    findings = [...checkReleaseName(profile, releaseName).findings, ...out.findings];
  } else if (profile.releaseType === 'ebook') {
    const { content, disks } = await validateEbookDisks(dir, listing, profile, out, options.signal);
    const byVolume = foldFollowOnFindings(out.findings, []).findings;
    const folded = disks ? foldDiskFindings(byVolume, disks) : { findings: byVolume, tally: null };
    findings = [
      ...checkReleaseName(profile, releaseName, content ? { fileExtension: content } : {}).findings,
      ...folded.findings,
    ];
    volumes = folded.tally;
  } else {
    const nameCheck = checkReleaseName(profile, releaseName);
    await validateTvFiles(dir, listing, profile, nameCheck.parsed as ParsedEpisodeName, out, options);
    const names = listing.files
      .map((f) => ({ name: f.name, at: volumeIndexFromName(f.name)?.index }))
      .filter((v): v is { name: string; at: number } => v.at !== undefined)
      .sort((a, b) => a.at - b.at)
      .map((v) => v.name);
    const folded = foldFollowOnFindings(out.findings, names);
    findings = [...nameCheck.findings, ...folded.findings];
    volumes = folded.tally;
  }
  const files = [
    ...listing.files.map((f) => ({ path: f.name, size: f.size })),
    ...listing.dirs.flatMap((d) => d.files.map((f) => ({ path: `${d.name}/${f.name}`, size: f.size }))),
  ];
  return {
    releaseName,
    profile: profile.id,
    findings,
    files,
    volumes,
    ok: !findings.some((f) => f.severity === 'block'),
  };
}

function allNames(listing: DirectoryListing): string[] {
  return [
    ...listing.files.map((f) => f.name),
    ...listing.dirs.flatMap((d) => [d.name, ...d.files.map((f) => f.name)]),
  ];
}

/** Top-level files and one level of subdirectories (Sample/, Proof/, Subs/); hidden staging files are skipped. */
async function listRelease(dir: string): Promise<DirectoryListing> {
  const files: { name: string; size: number }[] = [];
  const dirs: { name: string; files: { name: string; size: number }[] }[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  // Dotfiles too: a site sees `.DS_Store` or `.hidden` like any other file that does not belong.
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner: { name: string; size: number }[] = [];
      for (const sub of (await readdir(path, { withFileTypes: true })).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )) {
        if (sub.isFile()) inner.push({ name: sub.name, size: (await stat(join(path, sub.name))).size });
      }
      dirs.push({ name: entry.name, files: inner });
    } else if (entry.isFile()) {
      files.push({ name: entry.name, size: (await stat(path)).size });
    }
  }
  return { files, dirs };
}
