// The two real scene SRRs (ReScene .NET 1.1 and 1.2): relpack's reader must list exactly what
// pyReScene's `srr.py -l` lists for them (recorded beside each file), and a scene release
// rebuilt from their headers must validate without a false integrity finding (issue #20's
// real-scene control).
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { showSrr } from '../../src/app/srr/index.js';
import { validateReleaseDir } from '../../src/app/validate-release-dir.js';
import { crc32 } from '../../src/engine/checksum/index.js';
import type { RarFileBlockInfo } from '../../src/engine/rar/index.js';
import { parseSrr, rebuildFromSrr } from '../../src/engine/srr/index.js';
import { tempDir } from '../helpers/readers.js';

const dir = fileURLToPath(new URL('../fixtures/vectors/srr/', import.meta.url));
const VECTORS = [
  'Dexter.S05E02.iNTERNAL.720p.HDTV.x264-ORENJI_vlcbugreport',
  'House.S06E12.720p.HDTV.x264-IMMERSE_rarfs_problem',
];

/** pyReScene's listing: application, stored files, RAR files (name CRC size), archived files. */
function parseListing(text: string) {
  const sections = new Map<string, string[]>();
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\S.*:$/.test(line)) current = line.slice(0, -1);
    else if (line.startsWith('\t')) sections.set(current, [...(sections.get(current) ?? []), line.slice(1)]);
  }
  const rows = (name: string) => (sections.get(name) ?? []).map((l) => l.trim().split(/\s+/));
  return {
    application: sections.get('Creating Application')?.[0],
    storedFiles: rows('Stored files').map(([size, name]) => ({ name, size: Number(size) })),
    volumes: rows('RAR files').map(([name, crc32, size]) => ({ name, crc32, size: Number(size) })),
    files: rows('Archived files').map(([name, crc32, size]) => ({
      name,
      crc32,
      size: Number(size),
      stored: true,
    })),
  };
}

describe('the scene SRR vectors', () => {
  for (const name of VECTORS) {
    it(`${name}: relpack lists what pyReScene lists`, async () => {
      const expected = parseListing(await readFile(join(dir, `${name}.pyrescene.txt`), 'utf8'));
      const summary = await showSrr(join(dir, `${name}.srr`));
      expect(expected.volumes.length).toBeGreaterThan(20);
      expect(summary.application).toBe(expected.application);
      expect(summary.storedFiles).toEqual(expected.storedFiles);
      expect(summary.volumes).toEqual(expected.volumes);
      expect(summary.files).toEqual(expected.files);
      expect(summary.format).toBe('rar4');
      expect(summary.notRebuildable).toBeNull();
    });
  }
});

const ZERO = Buffer.alloc(1 << 20);

/** CRC32 of `length` zero bytes, continuing from `previous`. */
function zeroCrc(length: number, previous = 0): number {
  let crc = previous;
  for (let left = length; left > 0; left -= ZERO.length)
    crc = crc32(ZERO.subarray(0, Math.min(left, ZERO.length)), crc);
  return crc;
}

/**
 * The scene release an SRR describes, with zeros for the media: every header is the scene
 * group's, byte for byte, except the CRCs that cover the data (FILE_CRC, EARC_DATACRC, the SFV's),
 * which are recomputed for the zeros. Returns the release folder.
 */
async function sceneReleaseFromSrr(srrPath: string, releaseName: string): Promise<string> {
  const bytes = Buffer.from(await readFile(srrPath));
  const original = parseSrr(bytes);
  let whole = 0;
  for (const volume of original.volumes) {
    for (const block of volume.blocks.filter((b) => b.copy)) {
      const at = block.raw.byteOffset - bytes.byteOffset;
      const part = zeroCrc(block.copy!.size);
      whole = zeroCrc(block.copy!.size, whole);
      bytes.writeUInt32LE((block.info as RarFileBlockInfo).isSplitAfter ? part : whole, at + 16); // FILE_CRC
      bytes.writeUInt16LE(crc32(bytes.subarray(at + 2, at + block.raw.length)) & 0xffff, at); // HEAD_CRC
    }
  }
  const srr = parseSrr(bytes);
  const work = await tempDir('scene');
  const media = join(work, 'media.mkv');
  const handle = await open(media, 'w');
  await handle.truncate(srr.files[0]!.size);
  await handle.close();
  const release = join(work, releaseName);
  // The stored SFV lists the scene CRCs and the .srs is a sample recipe, not a sample.
  const storedFiles = srr.storedFiles.filter((f) => !/\.(sfv|srs)$/i.test(f.name));
  const rebuilt = await rebuildFromSrr(
    { ...srr, storedFiles },
    { sources: new Map([[srr.files[0]!.name, media]]), outputDir: release },
  );
  await rm(media);
  const crcs = new Map<string, number>();
  for (const [index, volume] of rebuilt.volumes.entries()) {
    const end = srr.volumes[index]!.info.end;
    const endBlock = srr.volumes[index]!.info.blocks.find((b) => b.kind === 'end');
    if (end?.dataCrc != null && endBlock) {
      const data = await readFile(volume.path);
      data.writeUInt32LE(crc32(data.subarray(0, end.offset)), end.offset + 7); // EARC_DATACRC
      data.writeUInt16LE(
        crc32(data.subarray(end.offset + 2, end.offset + endBlock.headerSize)) & 0xffff,
        end.offset,
      );
      await writeFile(volume.path, data);
      crcs.set(volume.name.toLowerCase(), crc32(data));
    } else crcs.set(volume.name.toLowerCase(), volume.crc32);
  }
  // The scene SFV, its comments kept, with the CRCs of these volumes.
  const sfv = srr.storedFiles.find((f) => /\.sfv$/i.test(f.name))!;
  const lines = sfv.data.toString('latin1').split(/(\r?\n)/);
  const text = lines.map((line) => {
    const match = /^(\S+)\s+[0-9A-Fa-f]{8}$/.exec(line);
    const crc = match ? crcs.get(match[1]!.toLowerCase()) : undefined;
    return crc === undefined ? line : `${match![1]} ${crc.toString(16).padStart(8, '0')}`;
  });
  await writeFile(join(release, sfv.name), text.join(''), 'latin1');
  return release;
}

describe('real-scene control (issue #20): releases rebuilt from the scene headers', () => {
  it('House (IMMERSE): parts with their own times, the first-volume flag on every volume, no end blocks', {
    timeout: 300_000,
  }, async () => {
    const release = await sceneReleaseFromSrr(
      join(dir, `${VECTORS[1]}.srr`),
      'House.S06E12.720p.HDTV.x264-IMMERSE',
    );
    const report = await validateReleaseDir(release);
    expect(report.profile).toBe('tv-720p-2016');
    expect(report.volumes).toEqual({ unit: 'volume', ok: 24, bad: 0, missing: 0 });
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
    // One habit, one finding each: the flag on 23 later volumes, and the parts' own times.
    const drift = report.findings.filter((f) => f.id === 'release.rar-header-drift');
    expect(drift.map((f) => [f.code, f.detail])).toEqual([
      [
        'rar.first-volume-flag-repeated',
        '23 volumes after the first carry the first-volume flag (house.s06e12.720p.hdtv.x264-immerse.r00 to house.s06e12.720p.hdtv.x264-immerse.r22)',
      ],
      [
        'rar.part-drift',
        '23 later parts of "house.s06e12.720p.hdtv.x264-immerse.mkv" (house.s06e12.720p.hdtv.x264-immerse.r00 to house.s06e12.720p.hdtv.x264-immerse.r22) differ from its first part in modification time',
      ],
    ]);
    await rm(join(release, '..'), { recursive: true, force: true });
  });

  it('Dexter (ORENJI): later parts carry a larger unpacked size than the file', {
    timeout: 300_000,
  }, async () => {
    const release = await sceneReleaseFromSrr(
      join(dir, `${VECTORS[0]}.srr`),
      'Dexter.S05E02.iNTERNAL.720p.HDTV.x264-ORENJI',
    );
    const report = await validateReleaseDir(release);
    expect(report.volumes).toEqual({ unit: 'volume', ok: 32, bad: 0, missing: 0 });
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
    const drift = report.findings.filter((f) => f.id === 'release.rar-header-drift');
    expect(drift.map((f) => f.detail)).toEqual([
      '31 later parts of "dexter.s05e02.720p.hdtv.x264-orenji.mkv" (dexter.s05e02.720p.hdtv.x264-orenji.r00 to dexter.s05e02.720p.hdtv.x264-orenji.r30) differ from its first part in unpacked size (1564963273, first part 1563814787)',
    ]);
    await rm(join(release, '..'), { recursive: true, force: true });
  });
});
