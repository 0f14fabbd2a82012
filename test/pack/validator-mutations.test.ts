// validateRelease must catch what a site catches: each mutation of a good release gives its rule id.
import { spawnSync } from 'node:child_process';
import { cp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  crc32,
  crc32OfFile,
  formatCrc32,
  getProfile,
  readRarVolume,
  validateRelease,
  writeZipDisk,
} from '../../src/engine/index.js';
import { tempDir } from '../helpers/readers.js';
import { flipByte, mutated, packGoodReleases } from '../helpers/release-fixtures.js';
import { shouldRunWith } from '../helpers/tools.js';

describe.runIf(shouldRunWith('mkvmerge', 'unzip'))('validator mutations', () => {
  let work: string;
  let tv: string;
  let ebook: string;
  const stem = 'show.name.s01e02.hdtv.x264-grp';
  let ebookFiles: { zips: string[]; nfo: string; volumes: string[] };

  beforeAll(async () => {
    work = await tempDir('mutations');
    ({ tv, ebook, ebookFiles } = await packGoodReleases(work));
  });

  const tvIds = async (dir: string) =>
    (await validateRelease(dir, getProfile('tv-sd-2016'))).findings.map((f) => `${f.severity}:${f.id}`);
  const ebookIds = async (dir: string) =>
    (await validateRelease(dir, getProfile('ebook-2022'))).findings.map((f) => `${f.severity}:${f.id}`);

  it('the untouched releases are clean', async () => {
    expect(await tvIds(tv)).toEqual([]);
    expect(await ebookIds(ebook)).toEqual([]);
  });

  it('TV: a deleted middle volume is one finding, named after the file, with the SFV folded in', async () => {
    const dir = await mutated(tv, work, (d) => rm(join(d, `${stem}.r00`)));
    const report = await validateRelease(dir, getProfile('tv-sd-2016'));
    expect(report.findings.map((f) => `${f.severity}:${f.id}: ${f.detail}`)).toEqual([
      `block:release.volume-sequence: ${stem}.r00 is missing; the SFV lists it`,
    ]);
    const effects = report.findings[0]!.effects!.map((e) => `${e.id}: ${e.detail}`);
    expect(effects).toContain(`release.sfv-coverage: ${stem}.sfv lists ${stem}.r00, which is missing`);
    expect(effects.join('\n')).toMatch(/Parts add up to/);
    expect(report.volumes).toMatchObject({ bad: 0, missing: 1 });
  });

  it('issue #20: a middle volume that says it is the last, with its CRC and the SFV made right', async () => {
    const dir = await mutated(tv, work, async (d) => {
      const r00 = join(d, `${stem}.r00`);
      const end = (await readRarVolume(r00)).blocks.find((b) => b.kind === 'end')!;
      const handle = await open(r00, 'r+');
      const header = Buffer.alloc(end.headerSize);
      await handle.read(header, 0, header.length, end.offset);
      header.writeUInt16LE(header.readUInt16LE(3) & ~0x0001, 3); // clear EARC_NEXT_VOLUME
      header.writeUInt16LE(crc32(header.subarray(2)) & 0xffff, 0);
      await handle.write(header, 0, header.length, end.offset);
      await handle.close();
      const sfv = join(d, `${stem}.sfv`);
      const crc = formatCrc32((await crc32OfFile(r00)).crc32);
      const text = (await readFile(sfv, 'latin1')).replace(
        new RegExp(`(${stem}\\.r00) [0-9A-Fa-f]{8}`),
        `$1 ${crc}`,
      );
      await writeFile(sfv, text, 'latin1');
    });
    const ids = await tvIds(dir);
    expect(ids).toContain('block:release.volume-sequence');
    expect(ids).not.toContain('block:release.sfv-crc');
  });

  it('issue #20: an SFV line for the .nfo is not called missing; a lost last volume is not "nothing"', async () => {
    const withNfo = await mutated(tv, work, async (d) => {
      const nfo = join(d, `${stem}.nfo`);
      const line = `${stem}.nfo ${formatCrc32((await crc32OfFile(nfo)).crc32)}\r\n`;
      await writeFile(
        join(d, `${stem}.sfv`),
        (await readFile(join(d, `${stem}.sfv`), 'latin1')) + line,
        'latin1',
      );
    });
    const report = await validateRelease(withNfo, getProfile('tv-sd-2016'));
    const coverage = report.findings.filter((f) => f.id === 'release.sfv-coverage').map((f) => f.detail);
    expect(coverage).toEqual([
      `${stem}.sfv lists ${stem}.nfo, which is not a RAR volume; the SFV lists the volumes only`,
    ]);

    const cut = await mutated(tv, work, (d) => rm(join(d, `${stem}.r01`)));
    const findings = (await validateRelease(cut, getProfile('tv-sd-2016'))).findings;
    const details = findings.flatMap((f) => [f, ...(f.effects ?? [])]).map((f) => f.detail);
    expect(details.join('\n')).not.toContain('holds nothing');
    expect(findings[0]!.detail).toBe(
      `${stem}.r01 is missing: ${stem}.r00, the last volume found, says more follow; the SFV lists it`,
    );
    expect(findings[0]!.effects!.map((e) => e.detail).join('\n')).toContain('continues past the last volume');
  });

  it('issue #20: an NFO in UTF-16 is told once, with its widths in characters', async () => {
    const dir = await mutated(tv, work, async (d) => {
      const nfo = join(d, `${stem}.nfo`);
      const text = (await readFile(nfo)).toString('latin1');
      await writeFile(nfo, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    });
    const report = await validateRelease(dir, getProfile('tv-sd-2016'));
    const nfoFindings = report.findings.filter((f) => f.id.startsWith('release.nfo'));
    expect(nfoFindings.map((f) => `${f.severity}:${f.id}: ${f.detail}`)).toEqual([
      `warn:release.nfo-encoding: ${stem}.nfo is UTF-16 LE; NFO viewers read CP437 bytes`,
    ]);
  });

  it('issue #20: eBOOK: an NFO beside the disks that differs from the copies in them, or by name', async () => {
    const changed = await mutated(ebook, work, async (d) => {
      await writeFile(
        join(d, ebookFiles.nfo),
        `${await readFile(join(d, ebookFiles.nfo), 'latin1')}extra\r\n`,
        'latin1',
      );
    });
    const report = await validateRelease(changed, getProfile('ebook-2022'));
    const copies = report.findings.filter((f) => f.id === 'release.nfo-copy');
    expect(copies.map((f) => f.detail)).toEqual(
      ebookFiles.zips.map((z) => `${z}: its ${ebookFiles.nfo} differs from the one beside the disks`),
    );
    const renamed = await mutated(ebook, work, (d) =>
      rename(join(d, ebookFiles.nfo), join(d, 'other-name.nfo')),
    );
    const named = (await validateRelease(renamed, getProfile('ebook-2022'))).findings.filter(
      (f) => f.id === 'release.nfo-copy',
    );
    expect(named[0]!.detail).toBe(
      `${ebookFiles.zips[0]} holds ${ebookFiles.nfo}; the NFO beside the disks is other-name.nfo`,
    );
  });

  it('issue #20: eBOOK: an SFV beside the disks is a warning of its own (the rule is unconfirmed)', async () => {
    const dir = await mutated(ebook, work, (d) => writeFile(join(d, 'release.sfv'), 'x.zip 00000000\r\n'));
    const ids = await ebookIds(dir);
    expect(ids).toEqual(['warn:release.ebook-sfv']);
  });

  it('issue #20: a dotfile in the release folder does not belong in it', async () => {
    const dir = await mutated(tv, work, (d) => writeFile(join(d, '.hidden'), 'x'));
    // The profile warns (unexpected-file rests on an inferred rule); before, it said nothing.
    expect(await tvIds(dir)).toContain('warn:release.unexpected-file');
  });

  it('TV: a flipped byte in a volume is one finding: what the RAR and the SFV say, under it', async () => {
    const dir = await mutated(tv, work, (d) => flipByte(join(d, `${stem}.r00`), 5_000_000));
    const report = await validateRelease(dir, getProfile('tv-sd-2016'));
    expect(report.findings.map((f) => `${f.severity}:${f.id}: ${f.detail}`)).toEqual([
      `block:release.rar-integrity: ${stem}.r00: CRC mismatch (SFV and RAR)`,
    ]);
    const codes = report.findings[0]!.effects!.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['rar.data-crc', 'sfv.crc', 'rar.file-crc']));
    expect(report.volumes).toMatchObject({ bad: 1, missing: 0 });
  });

  it('issue #20: one volume gone and one damaged: two causes by file name, a site summary', async () => {
    const dir = await mutated(tv, work, async (d) => {
      await rm(join(d, `${stem}.r00`));
      await flipByte(join(d, `${stem}.r01`), 1_000_000);
    });
    const report = await validateRelease(dir, getProfile('tv-sd-2016'));
    const volumes = report.files.filter((f) => /\.(rar|r\d\d)$/.test(f.path)).length;
    expect(report.findings.map((f) => f.detail)).toEqual([
      `${stem}.r00 is missing; the SFV lists it`,
      `${stem}.r01: CRC mismatch (SFV and RAR)`,
    ]);
    expect(report.volumes).toEqual({ unit: 'volume', ok: volumes - 1, bad: 1, missing: 1 });
    // No volume after the gap is called misnumbered: the numbers are checked against the names.
    const all = report.findings.flatMap((f) => [f, ...(f.effects ?? [])]);
    expect(all.map((f) => f.code)).not.toContain('rar.volume-number');
  });

  it('TV: a volume renamed to upper case', async () => {
    const dir = await mutated(tv, work, (d) =>
      rename(join(d, `${stem}.r01`), join(d, `${stem.toUpperCase()}.R01`)),
    );
    expect(await tvIds(dir)).toContain('block:release.file-lowercase');
  });

  it('TV: a space in a file name', async () => {
    const dir = await mutated(tv, work, (d) => rename(join(d, `${stem}.nfo`), join(d, 'show name grp.nfo')));
    expect(await tvIds(dir)).toContain('block:release.file-spaces');
  });

  it('TV: a broken SFV line and a wrong CRC', async () => {
    const dir = await mutated(tv, work, async (d) => {
      const sfv = join(d, `${stem}.sfv`);
      const text = await readFile(sfv, 'latin1');
      await writeFile(
        sfv,
        `${text.replace(
          /(\.r00 )([0-9a-f]{8})/,
          (_m, a: string, crc: string) => `${a}${crc === '00000000' ? '11111111' : '00000000'}`,
        )}garbage line\r\n`,
      );
    });
    const ids = await tvIds(dir);
    expect(ids).toContain('block:release.sfv-crc');
    expect(ids).toContain('block:release.sfv-coverage');
  });

  it('TV: no SFV, a Subs directory, and no sample', async () => {
    const dir = await mutated(tv, work, async (d) => {
      await rm(join(d, `${stem}.sfv`));
      await rm(join(d, 'Sample'), { recursive: true });
      await cp(join(d, `${stem}.nfo`), join(d, 'Subs', 'x.srt'), { recursive: true });
    });
    const ids = await tvIds(dir);
    expect(ids).toContain('block:release.sfv-missing');
    expect(ids).toContain('block:release.subs-directory');
    expect(ids).toContain('warn:release.sample-missing');
  });

  it('eBOOK: a deleted disk is one finding named after the disk, the rest folded under it', async () => {
    const dir = await mutated(ebook, work, (d) => rm(join(d, ebookFiles.zips[1]!)));
    const report = await validateRelease(dir, getProfile('ebook-2022'));
    // Not a wrong DIZ counter on every later disk: their counters agree with their names.
    expect(report.findings.map((f) => `${f.severity}:${f.id}: ${f.detail}`)).toEqual([
      `block:release.volume-sequence: ${ebookFiles.zips[1]} is missing`,
    ]);
    expect(report.findings[0]!.effects!.map((e) => e.detail)).toContainEqual(
      `${ebookFiles.volumes[1]} is missing`,
    );
    const disks = ebookFiles.zips.length;
    expect(report.volumes).toEqual({ unit: 'disk', ok: disks - 1, bad: 0, missing: 1 });
  });

  it('eBOOK: the last disk deleted is told by the DIZ counters', async () => {
    const last = ebookFiles.zips.at(-1)!;
    const dir = await mutated(ebook, work, (d) => rm(join(d, last)));
    const report = await validateRelease(dir, getProfile('ebook-2022'));
    expect(report.findings.map((f) => `${f.severity}:${f.id}: ${f.detail}`)).toEqual([
      `block:release.volume-sequence: ${last} is missing; the DIZ counters say ${ebookFiles.zips.length} disks`,
    ]);
    expect(report.volumes).toMatchObject({ unit: 'disk', bad: 0, missing: 1 });
  });

  it('eBOOK: a damaged disk is one BAD disk, its volume and the book folded under it', async () => {
    const dir = await mutated(ebook, work, (d) => flipByte(join(d, ebookFiles.zips[1]!), 100_000));
    const report = await validateRelease(dir, getProfile('ebook-2022'));
    expect(report.findings.map((f) => `${f.severity}:${f.id}:${f.subject}`)).toEqual([
      `block:release.zip-integrity:${ebookFiles.zips[1]}`,
    ]);
    expect(report.findings[0]!.effects!.length).toBeGreaterThan(0);
    expect(report.volumes).toEqual({ unit: 'disk', ok: ebookFiles.zips.length - 1, bad: 1, missing: 0 });
  });

  it('eBOOK: a DIZ counter that disagrees with its disk is still reported', async () => {
    const dir = await mutated(ebook, work, async (d) => {
      const zip = join(d, ebookFiles.zips[0]!);
      const x = join(d, '..', 'x-counter');
      expect(spawnSync('unzip', ['-q', zip, '-d', x]).status).toBe(0);
      const diz = await readFile(join(x, 'file_id.diz'), 'latin1');
      await rm(zip);
      await writeZipDisk({
        path: zip,
        mtime: new Date(),
        entries: [
          { name: ebookFiles.volumes[0]!, source: { path: join(x, ebookFiles.volumes[0]!) } },
          { name: 'file_id.diz', source: { data: Buffer.from(diz.replace(/\[01\//, '[02/'), 'latin1') } },
          { name: ebookFiles.nfo, source: { path: join(x, ebookFiles.nfo) } },
        ],
      });
    });
    const report = await validateRelease(dir, getProfile('ebook-2022'));
    expect(report.findings.map((f) => `${f.id}: ${f.detail}`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^release\\.diz-counter: ${ebookFiles.zips[0]!.replace('.', '\\.')}: the counter says \\[2/\\d+\\], the disk is 1 of`,
        ),
      ),
    ]);
  });

  it('eBOOK: a flipped byte in a disk', async () => {
    const dir = await mutated(ebook, work, (d) => flipByte(join(d, ebookFiles.zips[0]!), 2_000_000));
    expect(await ebookIds(dir)).toContain('block:release.zip-integrity');
  });

  it('eBOOK: a disk renamed to upper case, and one that is not 8.3', async () => {
    const dir = await mutated(ebook, work, async (d) => {
      await rename(join(d, ebookFiles.zips[0]!), join(d, ebookFiles.zips[0]!.toUpperCase()));
      await rename(join(d, ebookFiles.zips[1]!), join(d, `toolongname${ebookFiles.zips[1]!}`));
    });
    const ids = await ebookIds(dir);
    expect(ids).toContain('warn:release.zip-name-case');
    expect(ids).toContain('block:release.zip-name');
  });

  it('eBOOK: a space in the NFO name', async () => {
    const dir = await mutated(ebook, work, (d) => rename(join(d, ebookFiles.nfo), join(d, 'my release.nfo')));
    expect(await ebookIds(dir)).toContain('block:release.file-spaces');
  });

  it('eBOOK: a DIZ without its disk counter, and an SFV slipped into a disk', async () => {
    const dir = await mutated(ebook, work, async (d) => {
      const zip = join(d, ebookFiles.zips[0]!);
      const x = join(d, '..', 'x');
      expect(spawnSync('unzip', ['-q', zip, '-d', x]).status).toBe(0);
      await rm(zip);
      await writeZipDisk({
        path: zip,
        mtime: new Date(),
        entries: [
          { name: ebookFiles.volumes[0]!, source: { path: join(x, ebookFiles.volumes[0]!) } },
          { name: 'file_id.diz', source: { data: Buffer.from('A BOOK\r\nno counter here\r\n') } },
          { name: ebookFiles.nfo, source: { path: join(x, ebookFiles.nfo) } },
          { name: 'check.sfv', source: { data: Buffer.from('x 00000000\r\n') } },
        ],
      });
    });
    const ids = await ebookIds(dir);
    expect(ids).toContain('block:release.diz-counter');
    expect(ids).toContain('block:release.zip-contents');
  });

  it('eBOOK: a release directory renamed to a name that breaks the rules', async () => {
    const dir = await mutated(ebook, work, async () => undefined);
    const bad = join(dir, '..', 'Book 2021 eBOOK');
    await rename(dir, bad);
    const ids = await ebookIds(bad);
    expect(ids).toEqual(
      expect.arrayContaining(['block:name.charset', 'block:name.group-tag', 'block:name.source-tag']),
    );
  });
});
