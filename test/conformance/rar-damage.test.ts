// Damaged sets must be rejected by our reader and by at least one independent reader:
// a corrupted data byte in a middle volume, a wrong header CRC, a missing middle volume.
import { randomBytes } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRarSet } from '../../src/app/index.js';
import { RarCheck, readRarVolume, verifyRarSet } from '../../src/engine/index.js';
import {
  digestWithLibarchive,
  digestWithRarfile,
  extractWithUnrarWasm,
  lsarTest,
  sevenZipTest,
  sha256File,
  tempDir,
} from '../helpers/readers.js';
import { patchHeader } from '../helpers/release-fixtures.js';
import { shouldRunWith } from '../helpers/tools.js';

const ctx = { version: 'test', clock: () => new Date() };

async function flipByte(path: string, offset: number) {
  const handle = await open(path, 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, offset);
  byte[0] = byte[0]! ^ 0xff;
  await handle.write(byte, 0, 1, offset);
  await handle.close();
}

/** 100,000 random bytes in 30,000-byte volumes: four volumes, the file split across all of them. */
async function payloadSet(format: 'rar4' | 'rar5', naming: 'old' | 'part') {
  const src = await tempDir('src');
  await writeFile(join(src, 'payload.bin'), randomBytes(100_000));
  const dir = join(await tempDir('out'), 'set');
  const result = await createRarSet(ctx, {
    sources: [join(src, 'payload.bin')],
    output: join(dir, 'r'),
    volumeSize: 30_000,
    format,
    naming,
    sfv: false,
  });
  return {
    dir,
    names: result.volumes.map((v) => v.name),
    payloadDigest: await sha256File(join(src, 'payload.bin')),
  };
}

for (const format of ['rar4', 'rar5'] as const) {
  describe.runIf(shouldRunWith('lsar', 'rarfile', 'libarchive'))(`damaged ${format} sets`, () => {
    let dir: string;
    let names: string[];
    let payloadDigest: string;
    beforeEach(async () => {
      ({ dir, names, payloadDigest } = await payloadSet(format, 'part'));
      expect(names.length).toBe(4);
    });

    it('a corrupted data byte in a middle volume', async () => {
      const middle = join(dir, names[1]!);
      const info = await readRarVolume(middle);
      await flipByte(middle, info.files[0]!.dataOffset + 1234);
      const report = await verifyRarSet(join(dir, names[0]!));
      expect(report.problems.map((p) => p.check)).toContain(RarCheck.DATA_CRC);
      expect(lsarTest(join(dir, names[0]!)).ok).toBe(false);
      expect(digestWithRarfile(join(dir, names[0]!)).ok).toBe(false);
      expect(sevenZipTest(join(dir, names[0]!)).ok).toBe(false);
      await expect(extractWithUnrarWasm(join(dir, names[0]!))).rejects.toThrow();
      // libarchive 3.6 checks no data CRC of a stored entry (RAR 4 or 5, split or not): it hands
      // back the damaged bytes without an error, which is why a site never relies on it alone.
      const libarchive = digestWithLibarchive(names.map((n) => join(dir, n)));
      expect(libarchive.ok, libarchive.output).toBe(true);
      expect(libarchive.digests['payload.bin']).not.toBe(payloadDigest);
    });

    it('a wrong header CRC', async () => {
      const middle = join(dir, names[1]!);
      const info = await readRarVolume(middle);
      const header = info.files[0]!;
      await flipByte(middle, header.offset + header.headerSize - 1); // last byte of the stored name
      const report = await verifyRarSet(join(dir, names[0]!));
      expect(report.problems.map((p) => p.check)).toContain(RarCheck.HEADER_CRC);
      // lsar ignores header CRCs (rar-format.md §4); rarfile drops the entry or fails.
      const rarfile = digestWithRarfile(join(dir, names[0]!));
      expect(rarfile.ok && Object.keys(rarfile.digests).includes('payload.bin')).toBe(false);
    });

    it('a missing middle volume', async () => {
      await rm(join(dir, names[1]!));
      const remaining = names.filter((_, i) => i !== 1).map((n) => join(dir, n));
      const report = await verifyRarSet(join(dir, names[0]!));
      expect(report.problems.map((p) => p.check)).toContain(RarCheck.VOLUME_MISSING);
      expect(lsarTest(join(dir, names[0]!)).ok).toBe(false);
      expect(digestWithRarfile(join(dir, names[0]!)).ok).toBe(false);
      expect(sevenZipTest(join(dir, names[0]!)).ok).toBe(false);
      // libarchive is handed the volumes that are there, as a script globbing the folder would.
      expect(digestWithLibarchive(remaining).ok).toBe(false);
      await expect(extractWithUnrarWasm(join(dir, names[0]!))).rejects.toThrow();
    });
  });
}

describe.runIf(shouldRunWith('rarfile'))('issue #20: damage with consistent CRCs', () => {
  let dir: string;
  let names: string[];
  beforeEach(async () => {
    ({ dir, names } = await payloadSet('rar4', 'old'));
  });

  it('a middle volume whose end block says it is the last', async () => {
    const middle = join(dir, names[1]!);
    const end = (await readRarVolume(middle)).blocks.find((b) => b.kind === 'end')!;
    await patchHeader(middle, 'rar4', end, (h) => h.writeUInt16LE(h.readUInt16LE(3) & ~0x0001, 3));
    const report = await verifyRarSet(join(dir, names[0]!));
    expect(report.problems.map((p) => p.check)).toContain(RarCheck.END_FLAG);
    expect(report.problems.find((p) => p.check === RarCheck.END_FLAG)).toMatchObject({
      volume: names[1],
      message: expect.stringContaining('2 more follow'),
    });
    // What the independent reader makes of it: the file does not come out whole.
    const rarfile = digestWithRarfile(join(dir, names[0]!));
    expect(rarfile.ok).toBe(false);
  });

  it('a part whose unpacked size differs from the first part', async () => {
    const second = join(dir, names[1]!);
    const part = (await readRarVolume(second)).files[0]!;
    // RAR4 file header: HEAD_CRC 2, TYPE 1, FLAGS 2, SIZE 2, PACK_SIZE 4, then UNP_SIZE 4.
    await patchHeader(second, 'rar4', part, (h) => h.writeUInt32LE(60_000, 11));
    const report = await verifyRarSet(join(dir, names[0]!));
    const mismatch = report.problems.find((p) => p.check === RarCheck.PART_DRIFT);
    expect(mismatch).toMatchObject({ volume: names[1], file: 'payload.bin' });
    expect(mismatch!.message).toContain('unpacked size (60000, first part 100000)');
  });
});
