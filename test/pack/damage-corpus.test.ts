// The damage corpus (issue #20): over a hundred ways a TV or eBOOK release arrives broken, each
// with the rule a site would name. A case is caught when a finding of the expected severity has
// one of the expected rule ids, at the top level: the cause, not a follow-on folded under it.
import { spawnSync } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  crc32OfFile,
  formatCrc32,
  getProfile,
  readRarVolume,
  validateRelease,
  writeZipDisk,
} from '../../src/engine/index.js';
import { tempDir } from '../helpers/readers.js';
import {
  flipByte,
  type GoodReleases,
  mutated,
  packGoodReleases,
  patchHeader,
} from '../helpers/release-fixtures.js';
import { shouldRunWith } from '../helpers/tools.js';

interface DamageCase {
  readonly title: string;
  readonly release: 'tv' | 'ebook';
  /** Rule ids any of which names this damage. */
  readonly expect: readonly string[];
  readonly severity?: 'block' | 'warn';
  readonly damage: (dir: string) => Promise<void>;
}

/** A builder of cases for one release, their titles starting with `label`. */
function casesFor(release: 'tv' | 'ebook', label: string) {
  return (
    title: string,
    expected: string[],
    damage: (dir: string) => Promise<void>,
    severity?: 'warn',
  ): DamageCase => ({
    title: `${label}: ${title}`,
    release,
    expect: expected,
    damage,
    ...(severity ? { severity } : {}),
  });
}

async function rewriteSfv(dir: string, stem: string, change: (lines: string[]) => string[]) {
  const sfv = join(dir, `${stem}.sfv`);
  const lines = (await readFile(sfv, 'latin1')).split('\r\n').filter((l) => l !== '');
  await writeFile(sfv, `${change(lines).join('\r\n')}\r\n`, 'latin1');
}

/** The SFV line of `name` with the CRC the file has now. */
async function refreshSfv(dir: string, stem: string, name: string) {
  const crc = formatCrc32((await crc32OfFile(join(dir, name))).crc32);
  await rewriteSfv(dir, stem, (lines) => lines.map((l) => (l.startsWith(`${name} `) ? `${name} ${crc}` : l)));
}

function tvCases(good: GoodReleases): DamageCase[] {
  const { stem } = good;
  const volumes = [`${stem}.rar`, `${stem}.r00`, `${stem}.r01`];
  const file = async (dir: string, name: string) => (await readRarVolume(join(dir, name))).files[0]!;
  const end = async (dir: string, name: string) =>
    (await readRarVolume(join(dir, name))).blocks.find((b) => b.kind === 'end')!;
  const perVolume = volumes.flatMap((v, i): DamageCase[] => {
    const last = i === volumes.length - 1;
    const tv = casesFor('tv', `TV ${v.split('.').pop()}`);
    return [
      tv('deleted', ['release.volume-sequence'], (d) => rm(join(d, v))),
      tv('a data byte flipped', ['release.rar-integrity'], async (d) =>
        flipByte(join(d, v), (await file(d, v)).dataOffset + 1000),
      ),
      tv('a header byte flipped', ['release.rar-integrity'], async (d) => {
        const f = await file(d, v);
        await flipByte(join(d, v), f.offset + f.headerSize - 1);
      }),
      tv(
        'one byte cut off',
        ['release.rar-integrity', 'release.volume-size', 'release.volume-sequence'],
        (d) => readFile(join(d, v)).then((b) => truncate(join(d, v), b.length - 1)),
      ),
      tv('one byte appended', ['release.rar-integrity', 'release.volume-size', 'release.sfv-crc'], (d) =>
        appendFile(join(d, v), Buffer.from([0])),
      ),
      tv('zeroed', ['release.rar-integrity', 'release.volume-sequence'], async (d) =>
        writeFile(join(d, v), Buffer.alloc((await readFile(join(d, v))).length)),
      ),
      tv('renamed to upper case', ['release.file-lowercase'], (d) =>
        rename(join(d, v), join(d, v.toUpperCase())),
      ),
      tv('its SFV line has a wrong CRC', ['release.sfv-crc'], (d) =>
        rewriteSfv(d, stem, (lines) =>
          lines.map((l) =>
            l.startsWith(`${v} `) ? `${v} ${l.endsWith('00000000') ? '11111111' : '00000000'}` : l,
          ),
        ),
      ),
      tv('its SFV line removed', ['release.sfv-coverage'], (d) =>
        rewriteSfv(d, stem, (lines) => lines.filter((l) => !l.startsWith(`${v} `))),
      ),
      tv('a data byte flipped and the SFV made to match', ['release.rar-integrity'], async (d) => {
        await flipByte(join(d, v), (await file(d, v)).dataOffset + 2000);
        await refreshSfv(d, stem, v);
      }),
      // Genuine scene releases do both (test/conformance/srr-vectors.test.ts: ORENJI's later parts
      // carry a larger size, IMMERSE's parts their own times); UnRAR, 7-Zip and rarfile extract
      // from the first part's header, so these warn; the parts' sum is checked on its own.
      tv(
        'unpacked size changed, header CRC and SFV made right',
        ['release.rar-header-drift'],
        async (d) => {
          await patchHeader(join(d, v), 'rar4', await file(d, v), (h) =>
            h.writeUInt32LE(h.readUInt32LE(11) + 1, 11),
          );
          await refreshSfv(d, stem, v);
        },
        'warn',
      ),
      tv(
        'modification time changed, header CRC and SFV made right',
        ['release.rar-header-drift'],
        async (d) => {
          await patchHeader(join(d, v), 'rar4', await file(d, v), (h) =>
            h.writeUInt32LE(h.readUInt32LE(20) + 2, 20),
          );
          await refreshSfv(d, stem, v);
        },
        'warn',
      ),
      tv('split flags cleared, header CRC and SFV made right', ['release.volume-sequence'], async (d) => {
        await patchHeader(join(d, v), 'rar4', await file(d, v), (h) =>
          h.writeUInt16LE(h.readUInt16LE(3) & ~0x0003, 3),
        );
        await refreshSfv(d, stem, v);
      }),
      tv(
        last ? 'its end block says more follow' : 'its end block says it is the last',
        ['release.volume-sequence'],
        async (d) => {
          await patchHeader(join(d, v), 'rar4', await end(d, v), (h) =>
            h.writeUInt16LE(h.readUInt16LE(3) ^ 0x0001, 3),
          );
          await refreshSfv(d, stem, v);
        },
      ),
      tv(
        'its volume number changed, header CRC and SFV made right',
        ['release.volume-sequence'],
        async (d) => {
          // ENDARC: HEAD_CRC 2, TYPE 1, FLAGS 2, SIZE 2, DATACRC 4, then VOLNUMBER 2.
          await patchHeader(join(d, v), 'rar4', await end(d, v), (h) =>
            h.writeUInt16LE(h.readUInt16LE(11) + 5, 11),
          );
          await refreshSfv(d, stem, v);
        },
      ),
      tv(
        'swapped with another volume of the set',
        ['release.volume-sequence', 'release.rar-integrity', 'release.sfv-crc'],
        async (d) => {
          const other = volumes[(i + 1) % volumes.length]!;
          await rename(join(d, v), join(d, 'swap'));
          await rename(join(d, other), join(d, v));
          await rename(join(d, 'swap'), join(d, other));
        },
      ),
    ];
  });
  const tv = casesFor('tv', 'TV');
  const nfo = `${stem}.nfo`;
  const nfoText = async (d: string) => readFile(join(d, nfo), 'latin1');
  return [
    ...perVolume,
    tv('the SFV deleted', ['release.sfv-missing'], (d) => rm(join(d, `${stem}.sfv`))),
    tv('the NFO deleted', ['release.nfo-missing'], (d) => rm(join(d, nfo))),
    tv('a second NFO', ['release.nfo-missing'], (d) => cp(join(d, nfo), join(d, `${stem}-2.nfo`))),
    tv(
      'the NFO in UTF-16',
      ['release.nfo-encoding'],
      async (d) =>
        writeFile(
          join(d, nfo),
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await nfoText(d), 'utf16le')]),
        ),
      'warn',
    ),
    tv(
      'the NFO in UTF-8 with a BOM',
      ['release.nfo-encoding'],
      async (d) =>
        writeFile(join(d, nfo), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ünïcode\r\n')])),
      'warn',
    ),
    tv(
      'a NUL byte in the NFO',
      ['release.nfo-encoding'],
      async (d) => writeFile(join(d, nfo), `${await nfoText(d)}\0\r\n`, 'latin1'),
      'warn',
    ),
    tv('a dotfile', ['release.unexpected-file'], (d) => writeFile(join(d, '.hidden'), 'x'), 'warn'),
    tv(
      'a stray text file',
      ['release.unexpected-file'],
      (d) => writeFile(join(d, 'readme.txt'), 'x'),
      'warn',
    ),
    tv('a stray folder', ['release.unexpected-file'], (d) => mkdir(join(d, 'Extras')), 'warn'),
    tv('a Subs folder', ['release.subs-directory'], (d) => cp(join(d, nfo), join(d, 'Subs', 'x.srt'))),
    tv(
      'the sample deleted',
      ['release.sample-missing'],
      (d) => rm(join(d, 'Sample'), { recursive: true }),
      'warn',
    ),
    tv('a second file beside the sample', ['release.sample-location'], (d) =>
      writeFile(join(d, 'Sample', 'notes.txt'), 'x'),
    ),
    tv('a space in a file name', ['release.file-spaces'], (d) =>
      rename(join(d, nfo), join(d, 'show name.nfo')),
    ),
    tv('the SFV without the group tag', ['release.file-group-tag'], (d) =>
      rename(join(d, `${stem}.sfv`), join(d, 'show.name.s01e02.sfv')),
    ),
    tv('a garbage line in the SFV', ['release.sfv-coverage'], (d) =>
      rewriteSfv(d, stem, (lines) => [...lines, 'not an sfv line']),
    ),
    tv('the SFV lists a file that is not there', ['release.sfv-coverage', 'release.volume-sequence'], (d) =>
      rewriteSfv(d, stem, (lines) => [...lines, `${stem}.r02 12345678`]),
    ),
    tv('a second RAR set', ['release.volume-sequence'], (d) =>
      cp(join(d, `${stem}.rar`), join(d, 'other-grp.rar')),
    ),
    tv('volumes renamed to .partN.rar', ['release.volume-naming'], async (d) => {
      for (const [i, v] of volumes.entries()) await rename(join(d, v), join(d, `${stem}.part${i + 1}.rar`));
    }),
    tv('the SFV empty', ['release.sfv-coverage'], (d) => writeFile(join(d, `${stem}.sfv`), '')),
    tv('the NFO empty', ['release.nfo-size', 'release.nfo-missing', 'release.nfo-encoding'], (d) =>
      writeFile(join(d, nfo), ''),
    ),
  ];
}

/** Unpacks disk `zip`, lets `change` edit its entries (name → bytes), and writes it again. */
async function rewriteDisk(
  dir: string,
  zip: string,
  change: (entries: Map<string, Buffer>) => void | Promise<void>,
  diskName = zip,
) {
  const x = join(dir, '..', `x-${zip}`);
  const unzip = spawnSync('unzip', ['-q', join(dir, zip), '-d', x]);
  if (unzip.status !== 0) throw new Error(String(unzip.stderr));
  const listing = spawnSync('unzip', ['-Z1', join(dir, zip)], { encoding: 'utf8' }).stdout.split('\n');
  const entries = new Map<string, Buffer>();
  for (const name of listing.filter(Boolean)) entries.set(name, await readFile(join(x, name)));
  await change(entries);
  await rm(join(dir, zip));
  await writeZipDisk({
    path: join(dir, diskName),
    mtime: new Date('2026-11-26T12:00:00Z'),
    entries: [...entries].map(([name, data]) => ({ name, source: { data } })),
  });
}

function ebookCases(good: GoodReleases): DamageCase[] {
  const { zips, nfo } = good.ebookFiles;
  const perDisk = zips.flatMap((z): DamageCase[] => {
    const eb = casesFor('ebook', `eBOOK ${z}`);
    const diz = (entries: Map<string, Buffer>) => [...entries.keys()].find((n) => /file_id\.diz$/i.test(n))!;
    return [
      eb('deleted', ['release.volume-sequence', 'release.diz-counter'], (d) => rm(join(d, z))),
      eb('a byte flipped', ['release.zip-integrity'], async (d) =>
        flipByte(join(d, z), Math.floor((await readFile(join(d, z))).length / 2)),
      ),
      eb('cut short', ['release.zip-integrity'], async (d) =>
        truncate(join(d, z), Math.floor((await readFile(join(d, z))).length / 2)),
      ),
      eb('one byte appended', ['release.zip-integrity'], (d) => appendFile(join(d, z), Buffer.from([0]))),
      eb(
        'renamed to upper case',
        ['release.zip-name-case'],
        (d) => rename(join(d, z), join(d, z.toUpperCase())),
        'warn',
      ),
      eb('a name longer than 8.3', ['release.zip-name'], (d) =>
        rename(join(d, z), join(d, `toolongname${z}`)),
      ),
      eb('its DIZ without the disk counter', ['release.diz-counter'], (d) =>
        rewriteDisk(d, z, (entries) => {
          entries.set(diz(entries), Buffer.from('A BOOK\r\nno counter here\r\n'));
        }),
      ),
      eb('its DIZ removed', ['release.diz-missing', 'release.diz-counter'], (d) =>
        rewriteDisk(d, z, (entries) => {
          entries.delete(diz(entries));
        }),
      ),
      eb('an SFV slipped into it', ['release.zip-contents'], (d) =>
        rewriteDisk(d, z, (entries) => {
          entries.set('check.sfv', Buffer.from('x 00000000\r\n'));
        }),
      ),
      // A warning: the rule that the copies agree is inferred (rules facts).
      eb(
        'its NFO changed',
        ['release.nfo-copy'],
        (d) =>
          rewriteDisk(d, z, (entries) => {
            entries.set(nfo, Buffer.concat([entries.get(nfo)!, Buffer.from('extra\r\n')]));
          }),
        'warn',
      ),
      eb('its NFO removed', ['release.nfo-copy', 'release.zip-contents', 'release.nfo-missing'], (d) =>
        rewriteDisk(d, z, (entries) => {
          entries.delete(nfo);
        }),
      ),
      eb('its RAR volume damaged, the ZIP rewritten around it', ['release.rar-integrity'], (d) =>
        rewriteDisk(d, z, (entries) => {
          const name = [...entries.keys()].find((n) => /\.(rar|r\d\d)$/i.test(n))!;
          const bytes = Buffer.from(entries.get(name)!);
          bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
          entries.set(name, bytes);
        }),
      ),
    ];
  });
  const eb = casesFor('ebook', 'eBOOK');
  return [
    ...perDisk,
    eb('the NFO beside the disks deleted', ['release.nfo-missing', 'release.nfo-copy'], (d) =>
      rm(join(d, nfo)),
    ),
    eb('a space in the NFO name', ['release.file-spaces'], (d) =>
      rename(join(d, nfo), join(d, 'my release.nfo')),
    ),
    eb(
      'an SFV beside the disks',
      ['release.ebook-sfv'],
      (d) => writeFile(join(d, 'release.sfv'), 'x 0\r\n'),
      'warn',
    ),
    eb('a dotfile', ['release.unexpected-file'], (d) => writeFile(join(d, '.DS_Store'), 'x'), 'warn'),
    eb('the disks renumbered with a gap', ['release.volume-sequence', 'release.diz-counter'], async (d) => {
      const lastDisk = zips.at(-1)!;
      await rename(join(d, lastDisk), join(d, lastDisk.replace(/\d\d\.zip$/, '99.zip')));
    }),
  ];
}

describe.runIf(shouldRunWith('mkvmerge', 'unzip'))('the damage corpus (issue #20)', () => {
  let work: string;
  let good: GoodReleases;
  let cases: DamageCase[];

  beforeAll(async () => {
    work = await tempDir('corpus');
    good = await packGoodReleases(work);
    cases = [...tvCases(good), ...ebookCases(good)];
  });

  it('holds over a hundred cases, and every one is caught as the rule it breaks', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const missed: string[] = [];
    for (const c of cases) {
      const original = c.release === 'tv' ? good.tv : good.ebook;
      const dir = await mutated(original, work, c.damage);
      const profile = getProfile(c.release === 'tv' ? 'tv-sd-2016' : 'ebook-2022');
      const report = await validateRelease(dir, profile);
      const severity = c.severity ?? 'block';
      const caught = report.findings.some((f) => f.severity === severity && c.expect.includes(f.id));
      if (!caught) {
        const seen =
          report.findings.map((f) => `${f.severity}:${f.id}: ${f.detail}`).join(' | ') || 'nothing';
        missed.push(`${c.title}: expected ${severity} ${c.expect.join(' or ')}; got ${seen}`);
      }
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
    console.log(`damage corpus: ${cases.length - missed.length} of ${cases.length} caught`);
    expect(missed).toEqual([]);
  }, 300_000);
});
