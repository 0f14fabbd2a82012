import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { crc32OfFile, formatCrc32, parseSfv } from '../checksum/index.js';
import { readMatroskaHeader } from '../media/index.js';
import type { ParsedEpisodeName } from '../naming/index.js';
import { volumeIndexFromName } from '../rar/index.js';
import type { FindingCollector, RuleProfile } from '../rules/index.js';
import { checkRarSet } from './rar-set-checks.js';
import { checkNfoWidth, MAX_NFO_BYTES } from './validate-ebook.js';
import type { DirectoryListing } from './validate-release.js';

/**
 * TV/WEB: one old-style RAR set of one .mkv, one SFV that matches every volume, one NFO,
 * lower-case file names with the group tag, and an optional `Sample/` with one 50–70 s .mkv.
 */
export async function validateTvFiles(
  dir: string,
  listing: DirectoryListing,
  profile: RuleProfile,
  name: ParsedEpisodeName,
  out: FindingCollector,
  options: { signal?: AbortSignal; written?: ReadonlyMap<string, number> } = {},
): Promise<void> {
  const { signal, written } = options;
  const packaging = profile.packaging;
  const volumes = listing.files.filter((f) => volumeIndexFromName(f.name));
  const sfvs = listing.files.filter((f) => extname(f.name).toLowerCase() === '.sfv');
  const nfos = listing.files.filter((f) => extname(f.name).toLowerCase() === '.nfo');
  for (const f of listing.files) {
    if (!volumes.includes(f) && !sfvs.includes(f) && !nfos.includes(f)) {
      out.add('release.unexpected-file', `${f.name} does not belong in the release`, f.name);
    }
  }
  const group = name.group?.toLowerCase() ?? null;
  const named = [...volumes, ...sfvs, ...nfos].map((f) => f.name);
  const sampleDir = listing.dirs.find((d) => d.name === packaging.sample?.dir);
  for (const d of listing.dirs) {
    if (/^subs$/i.test(d.name))
      out.add('release.subs-directory', 'Remove the Subs directory; subtitles go in the .mkv', d.name);
    else if (d !== sampleDir && !(d.name === 'Proof' && profile.id === 'web-2020')) {
      out.add('release.unexpected-file', `${d.name}/ does not belong in the release`, d.name);
    }
  }
  for (const fileName of [...named, ...(sampleDir?.files.map((f) => f.name) ?? [])]) {
    if (packaging.lowercaseFileNames && fileName !== fileName.toLowerCase()) {
      out.add('release.file-lowercase', `${fileName} is not lower case`, fileName);
    }
    const needsTag = !nfos.some((n) => n.name === fileName);
    if (packaging.groupTagInFileNames && needsTag && group && !fileName.toLowerCase().includes(group)) {
      out.add('release.file-group-tag', `${fileName} does not carry the group tag "${group}"`, fileName);
    }
  }
  const sizeClass =
    name.resolution === null || name.resolution === '540p' || name.resolution === '576p'
      ? 'SD'
      : name.resolution;
  const report = await checkRarSet(
    dir,
    volumes.map((v) => v.name),
    profile,
    out,
    { sizeClass, checkData: !written, ...(signal ? { signal } : {}) },
  );
  if (nfos.length !== 1)
    out.add('release.nfo-missing', nfos.length === 0 ? 'No .nfo' : `${nfos.length} .nfo files; exactly one`);
  for (const nfo of nfos) await checkNfoWidth(join(dir, nfo.name), nfo.name, profile, out);
  if (packaging.sfv === 'required') {
    const volumeCrcs = new Map<string, number | null>();
    for (const v of report?.volumes ?? []) {
      const name = v.path.split('/').pop()!;
      volumeCrcs.set(name, v.crc32 ?? written?.get(name) ?? null);
    }
    await checkSfv(
      dir,
      sfvs,
      volumes.map((v) => v.name),
      listing.files.map((f) => f.name),
      volumeCrcs,
      out,
      signal,
    );
  }
  if (packaging.sample && !sampleDir)
    out.add('release.sample-missing', `No ${packaging.sample.dir}/ directory`);
  if (sampleDir && packaging.sample) await checkSample(dir, sampleDir, packaging.sample, out);
}

async function checkSfv(
  dir: string,
  sfvs: readonly { name: string }[],
  volumes: readonly string[],
  present: readonly string[],
  knownCrcs: ReadonlyMap<string, number | null>,
  out: FindingCollector,
  signal?: AbortSignal,
): Promise<void> {
  if (sfvs.length === 0) {
    out.add('release.sfv-missing', 'No .sfv; add one listing every volume');
    return;
  }
  if (sfvs.length > 1) out.add('release.sfv-coverage', `${sfvs.length} .sfv files; one covers the whole set`);
  const sfv = sfvs[0]!;
  // An SFV lists a few hundred volumes at most; a huge one is not an SFV to trust.
  const sfvSize = (await stat(join(dir, sfv.name))).size;
  if (sfvSize > MAX_NFO_BYTES) {
    out.add(
      'release.sfv-crc',
      `${sfv.name} is ${sfvSize} bytes; an SFV over ${MAX_NFO_BYTES} bytes is not read`,
      sfv.name,
    );
    return;
  }
  const parsed = parseSfv((await readFile(join(dir, sfv.name))).toString('latin1'));
  for (const bad of parsed.invalidLines)
    out.add('release.sfv-coverage', `${sfv.name} line ${bad.line} is not "name crc32"`, sfv.name);
  const listed = new Map(parsed.entries.map((e) => [e.name.toLowerCase(), e]));
  for (const volume of volumes) {
    if (!listed.has(volume.toLowerCase()))
      out.add('release.sfv-coverage', `${volume} is not in ${sfv.name}`, volume);
  }
  for (const entry of parsed.entries) {
    const actualName = volumes.find((v) => v.toLowerCase() === entry.name.toLowerCase());
    if (!actualName) {
      const there = present.some((p) => p.toLowerCase() === entry.name.toLowerCase());
      out.add(
        'release.sfv-coverage',
        there
          ? `${sfv.name} lists ${entry.name}, which is not a RAR volume; the SFV lists the volumes only`
          : `${sfv.name} lists ${entry.name}, which is missing`,
        entry.name,
        there ? {} : { code: 'sfv.listed-missing' },
      );
      continue;
    }
    signal?.throwIfAborted();
    const crc = knownCrcs.get(actualName) ?? (await crc32OfFile(join(dir, actualName), signal)).crc32;
    if (crc !== entry.crc32) {
      out.add(
        'release.sfv-crc',
        `${actualName} has CRC ${formatCrc32(crc)}, the SFV says ${formatCrc32(entry.crc32)}`,
        actualName,
        { code: 'sfv.crc' },
      );
    }
  }
}

async function checkSample(
  dir: string,
  sampleDir: { name: string; files: readonly { name: string }[] },
  rule: { minSeconds: number; maxSeconds: number },
  out: FindingCollector,
): Promise<void> {
  const mkvs = sampleDir.files.filter((f) => extname(f.name).toLowerCase() === '.mkv');
  if (mkvs.length !== 1 || mkvs.length !== sampleDir.files.length) {
    out.add(
      'release.sample-location',
      `${sampleDir.name}/ must hold exactly one .mkv (found ${sampleDir.files.map((f) => f.name).join(', ') || 'nothing'})`,
    );
  }
  for (const mkv of mkvs) {
    const header = await readMatroskaHeader(join(dir, sampleDir.name, mkv.name)).catch(() => null);
    const seconds = header?.fields.durationSeconds ?? null;
    if (seconds === null)
      out.add('release.sample-duration', `${mkv.name}: the duration cannot be read`, mkv.name);
    else if (seconds < rule.minSeconds || seconds > rule.maxSeconds) {
      out.add(
        'release.sample-duration',
        `${mkv.name} is ${seconds.toFixed(1)} s (allowed ${rule.minSeconds}–${rule.maxSeconds} s)`,
        mkv.name,
      );
    }
  }
}
