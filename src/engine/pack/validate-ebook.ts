import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { volumeIndexFromName } from '../rar/index.js';
import type { FindingCollector, RuleProfile } from '../rules/index.js';
import { decodeCp437, inspectNfoBytes, overWidthLines, readDiskCounter, splitLines } from '../text/index.js';
import { extractZipEntries, listZipEntries, readZipEntries } from '../zip/index.js';
import { agreedTotal, type DiskLayout, diskNumbers, diskOfVolume, findMissingDisks } from './disk-layout.js';
import { checkRarSet } from './rar-set-checks.js';
import type { DirectoryListing } from './validate-release.js';

const EIGHT_DOT_THREE_ZIP = /^[A-Za-z0-9_-]{1,8}\.zip$/i;

/**
 * eBOOK disks: 8.3 ZIPs that each open and check out, each holding one RAR volume, the
 * `file_id.diz` with the right `[nn/total]` counter and the `.nfo`, no `.sfv`; the volumes taken
 * out of the ZIPs then form one valid RAR set. Returns the extension of the eBook inside, and the
 * disks as a site counts them (see foldDiskFindings).
 */
export async function validateEbookDisks(
  dir: string,
  listing: DirectoryListing,
  profile: RuleProfile,
  out: FindingCollector,
  signal?: AbortSignal,
): Promise<{ content: string | null; disks: DiskLayout | null }> {
  const zips = listing.files.filter((f) => extname(f.name).toLowerCase() === '.zip');
  const nfos = listing.files.filter((f) => extname(f.name).toLowerCase() === '.nfo');
  for (const f of listing.files) {
    // No SFV inside a disk is a rule; whether one may sit beside the disks is unconfirmed (facts §3.1).
    if (extname(f.name).toLowerCase() === '.sfv')
      out.add('release.ebook-sfv', `${f.name}: eBOOK releases are checked by ZIP CRC, not an SFV`, f.name);
    else if (!zips.includes(f) && !nfos.includes(f))
      out.add('release.unexpected-file', `${f.name} is neither a ZIP disk nor the .nfo`, f.name);
  }
  for (const d of listing.dirs)
    out.add('release.unexpected-file', `${d.name}/ is not part of an eBOOK release`, d.name);
  if (nfos.length === 0) out.add('release.nfo-missing', 'No .nfo beside the ZIP disks');
  for (const nfo of nfos) await checkNfoWidth(join(dir, nfo.name), nfo.name, profile, out);
  if (zips.length === 0) {
    out.add('release.zip-contents', 'No ZIP disks found');
    return { content: null, disks: null };
  }
  if (zips.length > profile.packaging.archive.maxVolumes) {
    out.add('release.volume-count', `${zips.length} disks (max ${profile.packaging.archive.maxVolumes})`);
  }
  // The NFO each disk carries is a copy of the one beside the disks (when there is exactly one).
  const topNfo =
    nfos.length === 1 && nfos[0]!.size <= MAX_NFO_BYTES
      ? { name: nfos[0]!.name, bytes: await readFile(join(dir, nfos[0]!.name)) }
      : null;
  const scratch = await mkdtemp(join(dirname(dir), '.relpack-validate-'));
  try {
    const volumeNames: string[] = [];
    const extracted = new Map<string, string>();
    const dizzes: { zip: string; text: string }[] = [];
    for (const zip of zips) {
      signal?.throwIfAborted();
      if (!EIGHT_DOT_THREE_ZIP.test(zip.name))
        out.add('release.zip-name', `${zip.name} is not an 8.3 name`, zip.name);
      else if (zip.name !== zip.name.toLowerCase())
        out.add('release.zip-name-case', `${zip.name} is not lower case`, zip.name);
      const path = join(dir, zip.name);
      const entries = await listZipEntries(path, true).catch((error: Error) => {
        out.add('release.zip-integrity', `${zip.name} is damaged: ${error.message}`, zip.name, {
          code: 'disk.bad',
        });
        return null;
      });
      if (!entries) continue;
      const volumes = entries.filter((e) => volumeIndexFromName(e.name));
      const diz = entries.find((e) => e.name.toLowerCase() === 'file_id.diz');
      const nfo = entries.filter((e) => extname(e.name).toLowerCase() === '.nfo');
      const others = entries.filter((e) => !volumes.includes(e) && e !== diz && !nfo.includes(e));
      if (volumes.length !== 1)
        out.add(
          'release.zip-contents',
          `${zip.name} holds ${volumes.length} RAR volumes; one per disk`,
          zip.name,
        );
      for (const e of others)
        out.add(
          'release.zip-contents',
          `${zip.name} holds ${e.name}, which does not belong in a disk`,
          zip.name,
        );
      if (nfo.length === 0) out.add('release.nfo-missing', `${zip.name} holds no .nfo`, zip.name);
      if (topNfo) await checkNfoCopies(path, zip.name, nfo, topNfo, out);
      if (!diz) out.add('release.diz-missing', `${zip.name} holds no file_id.diz`, zip.name);
      if (diz) {
        const bytes = (await readZipEntries(path, (n) => n === diz.name)).get(diz.name);
        dizzes.push({ zip: zip.name, text: decodeCp437(bytes ?? Buffer.alloc(0)) });
      }
      const fresh = volumes.filter((v) => !volumeNames.includes(v.name));
      for (const v of volumes.filter((x) => !fresh.includes(x))) {
        out.add('release.volume-sequence', `${v.name} appears in more than one disk`, zip.name);
      }
      const names = new Set(fresh.map((v) => v.name));
      await extractZipEntries(path, (n) => names.has(n), scratch);
      for (const name of names) extracted.set(name.toLowerCase(), zip.name);
      volumeNames.push(...names);
    }
    const present = zips.map((z) => z.name);
    // A disk's place is the number in its name (grpttl03.zip), so one missing disk is one finding
    // and not a wrong counter on every disk after it.
    const total = agreedTotal(dizzes.map((d) => readDiskCounter(d.text))) ?? null;
    const { missing, missingCount } = findMissingDisks(present, total, out);
    const numbering = diskNumbers(present);
    const expectedTotal = total ?? present.length + missingCount;
    for (const d of dizzes) {
      const place = numbering?.numbers.get(d.zip) ?? present.indexOf(d.zip) + 1;
      checkDiz(d.text, d.zip, place, expectedTotal, profile, out);
    }
    const report = await checkRarSet(scratch, volumeNames, profile, out, signal ? { signal } : {});
    const file = report?.files.find((f) => !f.name.endsWith('/'));
    return {
      content: file ? extname(file.name).slice(1).toLowerCase() || null : null,
      disks: { present, missing, missingCount, diskOf: diskOfVolume(extracted, present) },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function checkNfoCopies(
  zipPath: string,
  zipName: string,
  entries: readonly { name: string; uncompressedSize: number }[],
  top: { name: string; bytes: Buffer },
  out: FindingCollector,
): Promise<void> {
  for (const entry of entries) {
    if (entry.name !== top.name) {
      out.add(
        'release.nfo-copy',
        `${zipName} holds ${entry.name}; the NFO beside the disks is ${top.name}`,
        zipName,
      );
      continue;
    }
    if (entry.uncompressedSize > MAX_NFO_BYTES) continue;
    const bytes = (await readZipEntries(zipPath, (n) => n === entry.name)).get(entry.name);
    if (bytes && !bytes.equals(top.bytes))
      out.add(
        'release.nfo-copy',
        `${zipName}: its ${entry.name} differs from the one beside the disks`,
        zipName,
      );
  }
}

function checkDiz(
  text: string,
  zipName: string,
  number: number,
  total: number,
  profile: RuleProfile,
  out: FindingCollector,
): void {
  const counter = readDiskCounter(text);
  if (!counter)
    out.add('release.diz-counter', `${zipName}: the file_id.diz has no DISK: [xx/yy] counter`, zipName);
  else if (counter.number !== number || counter.total !== total) {
    out.add(
      'release.diz-counter',
      `${zipName}: the counter says [${counter.number}/${counter.total}], the disk is ${number} of ${total}`,
      zipName,
    );
  }
  const limits = profile.packaging.diz;
  if (!limits) return;
  for (const line of overWidthLines(text, limits.maxWidth)) {
    out.add(
      'release.diz-size',
      `${zipName}: file_id.diz line ${line.line} is ${line.width} columns (max ${limits.maxWidth})`,
      zipName,
    );
  }
  const lines = splitLines(text).length;
  if (lines > limits.maxLines)
    out.add(
      'release.diz-size',
      `${zipName}: file_id.diz has ${lines} lines (max ${limits.maxLines})`,
      zipName,
    );
}

/** NFOs are a few KB; the validator reads at most this much of any text file it is handed. */
export const MAX_NFO_BYTES = 1 << 20;

/** The NFO's text, or null (and a finding) when it is too large to be one. */
async function readNfoText(path: string, name: string, out: FindingCollector): Promise<string | null> {
  const size = (await stat(path)).size;
  // An empty file is no NFO: a site's zipscript wants one with the release's info in it.
  if (size === 0) {
    out.add('release.nfo-missing', `${name} is empty`, name);
    return null;
  }
  if (size > MAX_NFO_BYTES) {
    out.add(
      'release.nfo-size',
      `${name} is ${size} bytes; an NFO over ${MAX_NFO_BYTES} bytes is not read`,
      name,
    );
    return null;
  }
  const inspected = inspectNfoBytes(await readFile(path));
  for (const problem of inspected.problems) out.add('release.nfo-encoding', `${name} ${problem}`, name);
  return inspected.text;
}

/** Checks the NFO's bytes and width; returns its text (null when it could not be read as one). */
export async function checkNfoWidth(
  path: string,
  name: string,
  profile: RuleProfile,
  out: FindingCollector,
): Promise<string | null> {
  const text = await readNfoText(path, name, out);
  if (text === null) return null;
  for (const line of overWidthLines(text, profile.packaging.nfo.maxWidth)) {
    out.add(
      'release.nfo-width',
      `${name} line ${line.line} is ${line.width} columns (max ${profile.packaging.nfo.maxWidth})`,
      name,
    );
  }
  return text;
}
