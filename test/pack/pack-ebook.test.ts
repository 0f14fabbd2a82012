// packEbook end to end through the use-case: a real EPUB in, 8.3 ZIP disks out, checked by
// readers we did not write (unzip -t, lsar -t, the official UnRAR in WASM) and by our validator.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packRelease } from '../../src/app/index.js';
import { decodeCp437, getProfile, readDiskCounter, validateRelease } from '../../src/engine/index.js';
import { makeEpub } from '../helpers/make-epub.js';
import { extractWithUnrarWasm, lsarTest, sha256File, tempDir, unzipTest } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const ctx = { version: '9.9.9', clock: () => new Date('2026-11-26T12:00:00Z') };

describe.runIf(shouldRunWith('unzip', 'lsar'))('pack ebook', () => {
  let source: string;
  let work: string;

  beforeAll(async () => {
    work = await tempDir('ebook');
    source = join(work, 'book.epub');
    await makeEpub(source, {
      title: 'The Hobbit',
      author: 'J.R.R. Tolkien',
      date: '2021-05-04',
      padding: 12_000_000,
    });
  });

  it('names the release from the EPUB package and plans exactly what it then writes', async () => {
    const out = join(work, 'out-plan');
    const request = {
      type: 'ebook',
      source,
      group: 'GRP',
      outputDir: out,
      meta: { source: 'RETAiL' },
    } as const;
    const plan = await packRelease(ctx, { ...request, dryRun: true });
    expect(plan.releaseName).toBe('J.R.R.Tolkien.The.Hobbit.2021.RETAiL.ePUB.eBOOK-GRP');
    expect(plan.volumeSize).toBe(5_000_000);
    await expect(stat(out)).rejects.toThrow(); // a dry run writes nothing
    const done = await packRelease(ctx, request, { durable: false });
    expect(done.releaseName).toBe(plan.releaseName);
    expect(done.volumes).toEqual(plan.volumes);
    expect(done.nfo.text).toBe(plan.nfo.text);
    expect(done.findings).toEqual([]);
    expect(done.files.filter((f) => f.kind === 'zip').map((f) => f.path)).toEqual(
      plan.disks!.map((d) => d.zip),
    );
  });

  it('writes 8.3 disks each holding one volume, its DIZ and the NFO, readable by independent tools', async () => {
    const out = join(work, 'out');
    const result = await packRelease(
      ctx,
      { type: 'ebook', source, group: 'GRP', outputDir: out, meta: { source: 'RETAiL' } },
      { durable: false },
    );
    const dir = result.releaseDir;
    const listing = (await readdir(dir)).sort();
    const zips = listing.filter((n) => n.endsWith('.zip'));
    expect(zips).toHaveLength(3);
    for (const z of zips) expect(z).toMatch(/^[a-z0-9]{6}0[1-3]\.zip$/);
    expect(listing.filter((n) => !zips.includes(n))).toEqual([result.nfo.name]);
    // every manifest entry matches the file on disk
    for (const f of result.files) expect((await stat(join(dir, f.path))).size).toBe(f.size);

    const volumes = join(work, 'volumes');
    await mkdir(volumes);
    for (const [i, z] of zips.entries()) {
      const test = unzipTest(join(dir, z));
      expect(test.ok, test.output).toBe(true);
      const list = spawnSync('unzip', ['-Z1', join(dir, z)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')
        .sort();
      expect(list).toEqual([result.disks![i]!.volume, 'file_id.diz', result.nfo.name].sort());
      const diz = spawnSync('unzip', ['-p', join(dir, z), 'file_id.diz']).stdout as unknown as Buffer;
      expect(readDiskCounter(decodeCp437(diz))).toEqual({ number: i + 1, total: 3 });
      const nfo = spawnSync('unzip', ['-p', join(dir, z), result.nfo.name]).stdout as unknown as Buffer;
      expect(nfo.equals(await readFile(join(dir, result.nfo.name)))).toBe(true);
      expect(
        spawnSync('unzip', ['-q', '-o', join(dir, z), result.disks![i]!.volume, '-d', volumes]).status,
      ).toBe(0);
    }
    const first = join(volumes, result.disks![0]!.volume);
    expect(lsarTest(first).ok).toBe(true);
    const extracted = await extractWithUnrarWasm(first);
    expect(extracted).toEqual({
      'J.R.R.Tolkien.The.Hobbit.2021.RETAiL.ePUB.eBOOK-GRP.epub': await sha256File(source),
    });

    const report = await validateRelease(dir, getProfile('ebook-2022'));
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('packs RAR5 volumes inside the disks when asked, still valid', async () => {
    const result = await packRelease(
      ctx,
      {
        type: 'ebook',
        source,
        group: 'GRP',
        outputDir: join(work, 'out5'),
        meta: { source: 'RETAiL' },
        rarFormat: 'rar5',
        volumeSize: 10_000_000,
      },
      { durable: false },
    );
    expect(result.volumes.map((v) => v.name)).toEqual([
      expect.stringMatching(/\.part1\.rar$/),
      expect.stringMatching(/\.part2\.rar$/),
    ]);
    expect((await validateRelease(result.releaseDir, getProfile('ebook-2022'))).findings).toEqual([]);
  });

  it('says what it normalised in the name and which NFO characters CP437 could not hold', async () => {
    const plan = await packRelease(ctx, {
      type: 'ebook',
      source,
      group: 'GRP',
      outputDir: join(work, 'notes'),
      meta: { source: 'RETAiL', title: 'Café – Prices in €', author: 'Zoë Ørsted' },
      dryRun: true,
    });
    expect(plan.releaseName).toBe('Zoe.Orsted.Cafe.Prices.in.EUR.2021.RETAiL.ePUB.eBOOK-GRP');
    expect(plan.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/normalised/),
        expect.stringMatching(/"–" is not in CP437, written as "-"/),
        expect.stringMatching(/"€" is not in CP437, written as "EUR"/),
        expect.stringMatching(/"Ø" is not in CP437, written as "O"/),
      ]),
    );
  });

  it('refuses a size the rules do not allow, a PDF named .epub, and a name that breaks a rule, leaving nothing behind', async () => {
    const out = join(work, 'out-bad');
    await expect(
      packRelease(ctx, {
        type: 'ebook',
        source,
        group: 'GRP',
        outputDir: out,
        meta: { source: 'RETAiL' },
        volumeSize: 7_000_000,
      }),
    ).rejects.toMatchObject({ code: 'VOLUME_SIZE_NOT_ALLOWED' });
    const fake = join(work, 'fake.epub');
    await (await import('node:fs/promises')).writeFile(fake, '%PDF-1.7\n');
    await expect(
      packRelease(ctx, {
        type: 'ebook',
        source: fake,
        group: 'GRP',
        outputDir: out,
        meta: { source: 'RETAiL' },
      }),
    ).rejects.toMatchObject({
      code: 'SOURCE_TYPE_MISMATCH',
    });
    await expect(
      packRelease(
        ctx,
        { type: 'ebook', source, group: 'GRP', outputDir: out, name: 'Bad Name 2021 RETAiL ePUB eBOOK-GRP' },
        { durable: false },
      ),
    ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    expect(await readdir(out)).toEqual([]); // no release, no staging directory
  });

  it('packs a PDF whose metadata cannot be read from what the user typed, and says so', async () => {
    const junk = join(work, 'junk.pdf');
    await (await import('node:fs/promises')).writeFile(
      junk,
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40_000, 0x41)]),
    );
    const base = { type: 'ebook', source: junk, group: 'GRP', outputDir: join(work, 'out-junk') } as const;
    // Nothing typed and nothing readable: the missing fields are named, not a TypeError.
    await expect(packRelease(ctx, { ...base, dryRun: true })).rejects.toMatchObject({
      code: 'NAME_MISSING_FIELDS',
    });
    const meta = { author: 'Jane Doe', title: 'Notes', year: '2020', source: 'RETAiL' };
    const result = await packRelease(ctx, { ...base, meta });
    expect(result.releaseName).toBe('Jane.Doe.Notes.2020.RETAiL.eBOOK-GRP');
    expect(result.notes).toContainEqual(expect.stringContaining('no readable catalog or page tree'));
    const report = await validateRelease(result.releaseDir, getProfile('ebook-2022'));
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });
});
