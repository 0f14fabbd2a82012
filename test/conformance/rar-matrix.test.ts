// Round trips through readers we did not write: the official UnRAR (WASM), lsar -t, unar,
// python3-rarfile's stored-data reader, the official 7-Zip (7zz t and x), libarchive through its
// multi-volume entry point, and cksfv for the SFV; plus our own set verifier.
// Matrix: RAR4 old naming, RAR4 part naming, RAR5; one and several files; a file ending exactly
// on a volume boundary; a 0-byte file; a last volume holding 1 data byte; Unicode names; hundreds
// of small files around a large one (the writer's two paths).
// Each case also checks that every volume but the last has exactly the requested size.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRarSet } from '../../src/app/index.js';
import {
  planRarVolumes,
  type RarFormat,
  type VolumeNaming,
  verifyRarSet,
  volumeOverheadForTests,
} from '../helpers/engine-internals.js';
import {
  cksfv,
  type Digests,
  digestTree,
  digestWithLibarchive,
  digestWithRarfile,
  extractWith7zip,
  extractWithUnar,
  extractWithUnrarWasm,
  fileSize,
  lsarTest,
  tempDir,
} from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const ctx = { version: 'test', clock: () => new Date('2026-01-02T03:04:05Z') };

interface Case {
  title: string;
  format: RarFormat;
  naming: VolumeNaming;
  files: { name: string; size: number }[];
  volumeSize: (sourceDir: string, names: string[]) => Promise<number> | number;
  /**
   * The files libarchive 3.6 returns when it cannot see all of them. Its RAR 4 reader ends the
   * archive at the first end block it meets and only moves to the next volume from inside a split
   * file, so a file that starts a volume of its own is never reached (src/engine/rar/FORMAT-NOTES.md).
   */
  libarchiveSees?: string[];
}

/** Volume size at which the first file ends exactly at the end of volume 1. */
async function exactBoundary(
  format: RarFormat,
  naming: VolumeNaming,
  dir: string,
  names: string[],
  size: number,
) {
  const { resolveSources } = await import('../../src/app/index.js');
  const sources = await resolveSources(names.map((n) => join(dir, n)));
  const plan = planRarVolumes({ files: sources, format, naming, baseName: 'x', volumeSize: 10 ** 9 });
  return volumeOverheadForTests(format, 0) + plan.volumes[0]!.segments[0]!.headerSize + size;
}

/** 300 small files (0 B to 70 KiB) around a 3 MB file, in 1,000,000-byte volumes. */
function smallFilesAround(format: RarFormat, naming: VolumeNaming): Case {
  const small = (prefix: string, step: number, modulo: number) =>
    Array.from({ length: 150 }, (_, i) => ({
      name: `${prefix}${String(i).padStart(3, '0')}.txt`,
      size: (i * step) % modulo,
    }));
  return {
    title: `${format.toUpperCase()} ${naming} naming, 300 small files (0 B to 70 KiB) around a 3 MB file`,
    format,
    naming,
    files: [...small('a', 487, 71_000), { name: 'm-large.bin', size: 3_000_000 }, ...small('z', 911, 65_537)],
    volumeSize: () => 1_000_000,
  };
}

const cases: Case[] = [
  {
    title: 'RAR4 old naming, one file',
    format: 'rar4',
    naming: 'old',
    files: [{ name: 'episode.mkv', size: 250_000 }],
    volumeSize: () => 50_000,
  },
  {
    title: 'RAR4 part naming, several files with a 0-byte file and Unicode names',
    format: 'rar4',
    naming: 'part',
    files: [
      { name: 'empty.txt', size: 0 },
      { name: 'Κείμενο στην ελληνική γλώσσα.txt', size: 3_000 },
      { name: 'Ünïcødé 日本語 🎬.bin', size: 70_001 },
      { name: 'plain.bin', size: 40_000 },
    ],
    volumeSize: () => 20_000,
  },
  {
    title: 'RAR5 part naming, several files with a 0-byte file and Unicode names',
    format: 'rar5',
    naming: 'part',
    files: [
      { name: 'a.bin', size: 123_457 },
      { name: 'empty.dat', size: 0 },
      { name: 'Ünïcødé 日本語 🎬.bin', size: 33_333 },
    ],
    volumeSize: () => 16_500,
  },
  {
    title: 'RAR4 old naming, first file ends exactly on the volume boundary',
    format: 'rar4',
    naming: 'old',
    files: [
      { name: 'first.bin', size: 30_000 },
      { name: 'second.bin', size: 10_000 },
    ],
    volumeSize: (dir, names) => exactBoundary('rar4', 'old', dir, names, 30_000),
    libarchiveSees: ['first.bin'],
  },
  {
    title: 'RAR5, first file ends exactly on the volume boundary',
    format: 'rar5',
    naming: 'part',
    files: [
      { name: 'first.bin', size: 30_000 },
      { name: 'second.bin', size: 10_000 },
    ],
    volumeSize: (dir, names) => exactBoundary('rar5', 'part', dir, names, 30_000),
  },
  // Small parts are read ahead and written with their headers in one call; the large file and the
  // small ones cut at volume ends go through the other path. Both must give the same bytes.
  smallFilesAround('rar4', 'old'),
  smallFilesAround('rar5', 'part'),
];

async function makeSources(files: { name: string; size: number }[]): Promise<string> {
  const dir = await tempDir('src');
  for (const file of files) await writeFile(join(dir, file.name), randomBytes(file.size));
  return dir;
}

function expectSameContent(actual: Digests, expected: Digests, reader: string) {
  expect(actual, `${reader} extracted different bytes`).toEqual(expected);
}

describe.runIf(shouldRunWith('lsar', 'unar', 'rarfile', 'libarchive', 'cksfv'))(
  'RAR sets read by independent readers',
  () => {
    for (const testCase of cases) {
      it(testCase.title, async () => {
        const sourceDir = await makeSources(testCase.files);
        const names = testCase.files.map((f) => f.name);
        const volumeSize = await testCase.volumeSize(sourceDir, names);
        const outDir = join(await tempDir('out'), 'set');
        const result = await createRarSet(ctx, {
          sources: names.map((n) => join(sourceDir, n)),
          output: join(outDir, 'release'),
          volumeSize,
          format: testCase.format,
          naming: testCase.naming,
          sfv: true,
        });
        expect(result.volumes.length).toBeGreaterThan(1);
        for (const [i, volume] of result.volumes.entries()) {
          const actual = await fileSize(join(outDir, volume.name));
          expect(actual).toBe(volume.size);
          if (i < result.volumes.length - 1) expect(actual, `${volume.name} size`).toBe(volumeSize);
        }
        const expected = await digestTree(sourceDir);
        const first = join(outDir, result.volumes[0]!.name);
        expectSameContent(await extractWithUnrarWasm(first), expected, 'UnRAR (WASM)');
        const lsar = lsarTest(first);
        expect(lsar.ok, lsar.output).toBe(true);
        expectSameContent(await extractWithUnar(first), expected, 'unar');
        const rarfile = digestWithRarfile(first);
        expect(rarfile.ok, rarfile.output).toBe(true);
        expectSameContent(rarfile.digests, expected, 'rarfile');
        expectSameContent(await extractWith7zip(first), expected, '7-Zip');
        const libarchive = digestWithLibarchive(result.volumes.map((v) => join(outDir, v.name)));
        expect(libarchive.ok, libarchive.output).toBe(true);
        const seen = testCase.libarchiveSees;
        const reachable = seen ? Object.fromEntries(seen.map((name) => [name, expected[name]!])) : expected;
        expectSameContent(libarchive.digests, reachable, 'libarchive');
        const sfv = cksfv(join(outDir, 'release.sfv'), outDir);
        expect(sfv.ok, sfv.output).toBe(true);
        const report = await verifyRarSet(first);
        expect(report.problems).toEqual([]);
        expect(report.files.map((f) => f.name)).toEqual(names);
      });
    }

    it('a last volume holding a single data byte', async () => {
      const volumeSize = 10_000;
      // One volume's data room for this name, so the file leaves exactly 1 byte for the last volume.
      const probeDir = await makeSources([{ name: 'one.bin', size: 1 }]);
      const { resolveSources } = await import('../../src/app/index.js');
      const probe = planRarVolumes({
        files: await resolveSources([join(probeDir, 'one.bin')]),
        format: 'rar4',
        naming: 'old',
        baseName: 'x',
        volumeSize,
      });
      const room = volumeSize - volumeOverheadForTests('rar4', 0) - probe.volumes[0]!.segments[0]!.headerSize;
      const sourceDir = await makeSources([{ name: 'one.bin', size: room * 3 + 1 }]);
      const outDir = join(await tempDir('out'), 'set');
      const result = await createRarSet(ctx, {
        sources: [join(sourceDir, 'one.bin')],
        output: join(outDir, 'r'),
        volumeSize,
        format: 'rar4',
        naming: 'old',
        sfv: true,
      });
      expect(result.volumes.map((v) => v.name)).toEqual(['r.rar', 'r.r00', 'r.r01', 'r.r02']);
      expect(result.volumes.at(-1)!.size).toBe(
        volumeOverheadForTests('rar4', 3) + probe.volumes[0]!.segments[0]!.headerSize + 1,
      );
      const first = join(outDir, 'r.rar');
      expectSameContent(await extractWithUnrarWasm(first), await digestTree(sourceDir), 'UnRAR (WASM)');
      expectSameContent(await extractWith7zip(first), await digestTree(sourceDir), '7-Zip');
      const libarchive = digestWithLibarchive(result.volumes.map((v) => join(outDir, v.name)));
      expect(libarchive.digests, libarchive.output).toEqual(await digestTree(sourceDir));
      expect(lsarTest(first).ok).toBe(true);
      expect((await verifyRarSet(first)).isOk).toBe(true);
    });

    it('a single archive without a volume size', async () => {
      const sourceDir = await makeSources([{ name: 'a.bin', size: 5_000 }]);
      await mkdir(join(sourceDir, 'sub'));
      await writeFile(join(sourceDir, 'sub', 'b.txt'), 'hello');
      const outDir = join(await tempDir('out'), 'set');
      const result = await createRarSet(ctx, {
        sources: [sourceDir],
        output: join(outDir, 'single'),
        format: 'rar4',
        naming: 'old',
        sfv: false,
      });
      expect(result.volumes.map((v) => v.name)).toEqual(['single.rar']);
      const digests = await extractWithUnrarWasm(join(outDir, 'single.rar'));
      const base = sourceDir.split('/').pop()!;
      expect(Object.keys(digests).sort()).toEqual([`${base}/a.bin`, `${base}/sub/b.txt`]);
      expect(await extractWith7zip(join(outDir, 'single.rar'))).toEqual(digests);
      expect(digestWithLibarchive([join(outDir, 'single.rar')]).digests).toEqual(digests);
    });
  },
);
