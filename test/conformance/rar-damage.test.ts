// Damaged sets must be rejected by our reader and by at least one independent reader:
// a corrupted data byte in a middle volume, a wrong header CRC, a missing middle volume.
import { randomBytes } from 'node:crypto';
import { open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRarSet } from '../../src/app/index.js';
import { RarCheck, readRarVolume, verifyRarSet } from '../../src/engine/index.js';
import { digestWithRarfile, extractWithUnrarWasm, lsarTest, tempDir } from '../helpers/readers.js';
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

for (const format of ['rar4', 'rar5'] as const) {
  describe.runIf(shouldRunWith('lsar', 'rarfile'))(`damaged ${format} sets`, () => {
    let dir: string;
    let names: string[];
    beforeEach(async () => {
      const src = await tempDir('src');
      await writeFile(join(src, 'payload.bin'), randomBytes(100_000));
      dir = join(await tempDir('out'), 'set');
      const result = await createRarSet(ctx, {
        sources: [join(src, 'payload.bin')],
        output: join(dir, 'r'),
        volumeSize: 30_000,
        format,
        naming: 'part',
        sfv: false,
      });
      names = result.volumes.map((v) => v.name);
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
      await expect(extractWithUnrarWasm(join(dir, names[0]!))).rejects.toThrow();
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
      const report = await verifyRarSet(join(dir, names[0]!));
      expect(report.problems.map((p) => p.check)).toContain(RarCheck.VOLUME_MISSING);
      expect(lsarTest(join(dir, names[0]!)).ok).toBe(false);
      expect(digestWithRarfile(join(dir, names[0]!)).ok).toBe(false);
      await expect(extractWithUnrarWasm(join(dir, names[0]!))).rejects.toThrow();
    });
  });
}
