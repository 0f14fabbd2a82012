// pack → srr create → srr rebuild gives byte-identical volumes and stored files, for every naming
// and format relpack writes; and every way a rebuild can go wrong is refused with a code, leaving
// nothing behind that looks like a volume.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRarSet } from '../../src/app/rar-set/index.js';
import { createReleaseSrr, rebuildSrr, showSrr } from '../../src/app/srr/index.js';
import { crc32 } from '../../src/engine/checksum/index.js';
import { createSrr, parseSrr } from '../../src/engine/srr/index.js';
import { tempDir } from '../helpers/readers.js';

const ctx = { version: 'test', clock: () => new Date('2026-12-03T12:00:00Z') };
const vectors = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));

interface Case {
  readonly title: string;
  readonly format: 'rar4' | 'rar5';
  readonly naming: 'old' | 'part';
  readonly volumeSize?: number;
  /** name → size; names with `/` become folders inside the source folder. */
  readonly files: Record<string, number>;
}

const CASES: Case[] = [
  {
    title: 'RAR4, old naming',
    format: 'rar4',
    naming: 'old',
    volumeSize: 65_536,
    files: { 'ep.mkv': 300_000 },
  },
  {
    title: 'RAR4, part naming',
    format: 'rar4',
    naming: 'part',
    volumeSize: 65_536,
    files: { 'ep.mkv': 300_000 },
  },
  {
    title: 'RAR5, part naming',
    format: 'rar5',
    naming: 'part',
    volumeSize: 65_536,
    files: { 'ep.mkv': 300_000 },
  },
  { title: 'RAR4, one volume', format: 'rar4', naming: 'old', files: { 'ep.mkv': 5_000 } },
  {
    title: 'RAR4, several files, a folder, an empty file and Unicode names',
    format: 'rar4',
    naming: 'old',
    volumeSize: 40_000,
    files: {
      'set/a.bin': 90_000,
      'set/empty.txt': 0,
      'set/Κείμενο στην ελληνική.txt': 1_234,
      'set/日本語.bin': 50_001,
    },
  },
  {
    title: 'RAR5, several files and Unicode names',
    format: 'rar5',
    naming: 'part',
    volumeSize: 40_000,
    files: { 'set/a.bin': 90_000, 'set/empty.txt': 0, 'set/Κείμενο.txt': 1_234, 'set/日本語.bin': 50_001 },
  },
];

/** A release folder packed by relpack (volumes + SFV + NFO) and the source its files came from. */
async function packRelease(c: Pick<Case, 'format' | 'naming' | 'volumeSize' | 'files'>) {
  const work = await tempDir('srr');
  const source = join(work, 'source');
  for (const [name, size] of Object.entries(c.files)) {
    await mkdir(join(source, name, '..'), { recursive: true });
    await writeFile(join(source, name), randomBytes(size));
  }
  const release = join(work, 'Show.S01E01.720p.HDTV.x264-GRP');
  const inputs = [...new Set(Object.keys(c.files).map((n) => join(source, n.split('/')[0]!)))];
  await createRarSet(ctx, {
    sources: inputs,
    output: join(release, 'show.s01e01.720p.hdtv.x264-grp'),
    format: c.format,
    naming: c.naming,
    sfv: true,
    ...(c.volumeSize ? { volumeSize: c.volumeSize } : {}),
  });
  await writeFile(join(release, 'show.s01e01.720p.hdtv.x264-grp.nfo'), 'The NFO\r\n');
  return { work, source, release };
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(join(dir, name)));
  return out;
}

describe('srr create → srr rebuild', () => {
  for (const c of CASES) {
    it(`${c.title}: byte-identical volumes`, async () => {
      const { work, source, release } = await packRelease(c);
      const created = await createReleaseSrr(ctx, { releaseDir: release });
      expect(created.path).toBe(`${release}.srr`);
      expect(created.summary.application).toBe('relpack test');
      expect(created.summary.format).toBe(c.format);
      const rebuilt = join(work, 'rebuilt');
      const single = Object.keys(c.files).length === 1;
      const result = await rebuildSrr({
        srr: created.path,
        source: single ? join(source, Object.keys(c.files)[0]!) : source,
        outputDir: rebuilt,
      });
      const original = await filesOf(release);
      expect(result.volumes.length).toBe(original.size - 2);
      expect(result.volumes.every((v) => v.sfvListed)).toBe(true);
      const copy = await filesOf(rebuilt);
      expect([...copy.keys()]).toEqual([...original.keys()]);
      for (const [name, bytes] of original) expect(copy.get(name)!.equals(bytes), name).toBe(true);
    });
  }

  it('an SRR of relpack lists the same volumes and CRCs as the SFV beside them', async () => {
    const { release } = await packRelease(CASES[0]!);
    const { summary } = await createReleaseSrr(ctx, { releaseDir: release });
    const sfv = await readFile(join(release, 'show.s01e01.720p.hdtv.x264-grp.sfv'), 'latin1');
    for (const volume of summary.volumes) {
      const bytes = await readFile(join(release, volume.name));
      expect(volume.size).toBe(bytes.length);
      expect(volume.crc32).toBe(crc32(bytes).toString(16).toUpperCase().padStart(8, '0'));
      expect(sfv).toContain(`${volume.name} ${volume.crc32!.toLowerCase()}`);
    }
  });
});

describe('srr rebuild refuses, and leaves nothing behind', () => {
  async function prepared() {
    const packed = await packRelease(CASES[0]!);
    const { path } = await createReleaseSrr(ctx, { releaseDir: packed.release });
    return { ...packed, srr: path, media: join(packed.source, 'ep.mkv'), out: join(packed.work, 'out') };
  }

  async function leftovers(dir: string): Promise<string[]> {
    return readdir(dir).catch(() => []);
  }

  it('a source with one byte changed: SRR_SOURCE_MISMATCH naming the bytes', async () => {
    const { srr, media, out } = await prepared();
    const bytes = await readFile(media);
    bytes.writeUInt8(bytes[200_000]! ^ 0xff, 200_000);
    await writeFile(media, bytes);
    await expect(rebuildSrr({ srr, source: media, outputDir: out })).rejects.toMatchObject({
      code: 'SRR_SOURCE_MISMATCH',
      message: expect.stringMatching(/ep\.mkv.*bytes \d+-\d+ have CRC32/),
    });
    expect(await leftovers(out)).toEqual([]);
  });

  it('a source of another size: SRR_SOURCE_MISMATCH before anything is written', async () => {
    const { srr, media, out } = await prepared();
    await writeFile(media, randomBytes(1000));
    await expect(rebuildSrr({ srr, source: media, outputDir: out })).rejects.toMatchObject({
      code: 'SRR_SOURCE_MISMATCH',
      message: expect.stringContaining('is 1000 bytes; the set holds 300000'),
    });
    expect(await leftovers(out)).toEqual([]);
  });

  it('a folder without the archived file: SRR_SOURCE_MISSING', async () => {
    const { srr, work, out } = await prepared();
    await mkdir(join(work, 'empty'));
    await expect(rebuildSrr({ srr, source: join(work, 'empty'), outputDir: out })).rejects.toMatchObject({
      code: 'SRR_SOURCE_MISSING',
      message: expect.stringContaining('ep.mkv'),
    });
  });

  it('an output that already holds a volume: OUTPUT_EXISTS, the file untouched', async () => {
    const { srr, media, out } = await prepared();
    await mkdir(out);
    await writeFile(join(out, 'show.s01e01.720p.hdtv.x264-grp.r02'), 'mine');
    await expect(rebuildSrr({ srr, source: media, outputDir: out })).rejects.toMatchObject({
      code: 'OUTPUT_EXISTS',
    });
    expect(await readFile(join(out, 'show.s01e01.720p.hdtv.x264-grp.r02'), 'utf8')).toBe('mine');
    expect(await leftovers(out)).toEqual(['show.s01e01.720p.hdtv.x264-grp.r02']);
  });

  it('a compressed set: SRR_COMPRESSED naming the file', async () => {
    const { srr, media, out } = await prepared();
    const bytes = await readFile(srr);
    const parsed = parseSrr(bytes);
    for (const volume of parsed.volumes) {
      for (const block of volume.blocks.filter((b) => b.copy)) {
        const at = block.raw.byteOffset - bytes.byteOffset;
        bytes[at + 25] = 0x33; // METHOD: normal compression
        bytes.writeUInt16LE(crc32(bytes.subarray(at + 2, at + block.raw.length)) & 0xffff, at);
      }
    }
    await writeFile(srr, bytes);
    expect((await showSrr(srr)).notRebuildable).toBe('compressed files (ep.mkv)');
    await expect(rebuildSrr({ srr, source: media, outputDir: out })).rejects.toMatchObject({
      code: 'SRR_COMPRESSED',
      message: expect.stringContaining('ep.mkv'),
    });
    expect(await leftovers(out)).toEqual([]);
  });

  it('a set with a recovery record (WinRAR vector): SRR_UNSUPPORTED', async () => {
    const work = await tempDir('srr-rr');
    const names = [1, 2, 3].map((n) => `store_rr_solid_auth.part${n}.rar`);
    const bytes = await createSrr({
      appName: 'relpack test',
      volumes: names.map((name) => ({ name, path: join(vectors, 'rar4-winrar', name) })),
      storedFiles: [],
    });
    await writeFile(join(work, 'rr.srr'), bytes);
    expect((await showSrr(join(work, 'rr.srr'))).notRebuildable).toBe('a recovery record');
    await expect(
      rebuildSrr({
        srr: join(work, 'rr.srr'),
        source: join(vectors, 'rar4-winrar', 'source'),
        outputDir: join(work, 'out'),
      }),
    ).rejects.toMatchObject({ code: 'SRR_UNSUPPORTED', details: { feature: 'recovery-record' } });
  });

  it('a damaged SRR: SRR_CORRUPT with the byte; not an SRR: SRR_NOT_SRR; a name outside the folder: SRR_CORRUPT', async () => {
    const { srr, media, work } = await prepared();
    const bytes = await readFile(srr);
    for (const cut of [9, 100, bytes.length - 3]) {
      await writeFile(join(work, 'cut.srr'), bytes.subarray(0, cut));
      await expect(showSrr(join(work, 'cut.srr'))).rejects.toMatchObject({
        code: 'SRR_CORRUPT',
        message: expect.stringMatching(/damaged at byte \d+/),
      });
    }
    await expect(showSrr(join(vectors, 'rar4-winrar', 'store_little.rar'))).rejects.toMatchObject({
      code: 'SRR_NOT_SRR',
    });
    const evil = await createSrr({
      appName: 'x',
      volumes: [{ name: '../escape.rar', path: join(vectors, 'rar4-winrar', 'store_little.rar') }],
      storedFiles: [],
    });
    await writeFile(join(work, 'evil.srr'), evil);
    await expect(
      rebuildSrr({ srr: join(work, 'evil.srr'), source: media, outputDir: join(work, 'o') }),
    ).rejects.toMatchObject({
      code: 'SRR_CORRUPT',
      message: expect.stringContaining('outside its release folder'),
    });
    expect(await leftovers(work)).not.toContain('escape.rar');
  });
});
