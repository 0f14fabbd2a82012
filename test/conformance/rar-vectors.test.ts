// Ground truth made by WinRAR (RAR4) and rar 5: our reader parses every vector and agrees with
// lsar; the sets verify; and our writer, given WinRAR's names, times and volume size, reproduces
// its volume sizes and split points. Headers differ only in fields WinRAR chooses freely
// (rar/FORMAT-NOTES.md): the dictionary bits and the encoding of the non-ASCII name.
import { spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planRarVolumes, readRarVolume, verifyRarSet } from '../../src/engine/index.js';
import { decodeDosTime } from '../../src/engine/rar/file-time.js';
import { decodeRar4ExtTime } from '../../src/engine/rar/rar4-ext-time.js';
import { shouldRunWith } from '../helpers/tools.js';

const vectors = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));
const rar4 = (name: string) => `${vectors}rar4-winrar/${name}`;
const rar5 = (name: string) => `${vectors}rar5-rarlab/${name}`;

function lsarListing(path: string): { name: string; size: number }[] {
  const run = spawnSync('lsar', ['-j', path], { encoding: 'utf8' });
  const json = JSON.parse(run.stdout) as { lsarContents: { XADFileName: string; XADFileSize: number }[] };
  return json.lsarContents.map((e) => ({ name: e.XADFileName, size: e.XADFileSize }));
}

describe.runIf(shouldRunWith('lsar'))('reference vectors', () => {
  const sets = [
    rar4('store_split_folder.rar'),
    rar4('store_little.rar'),
    rar4('store_empty.rar'),
    rar4('store_rr_solid_auth.part1.rar'),
    rar5('test_read_format_rar5_stored.rar'),
    rar5('test_read_format_rar5_stored_manyfiles.rar'),
  ];
  for (const first of sets) {
    it(`reads and verifies ${first.split('/').pop()} like lsar`, async () => {
      const report = await verifyRarSet(first);
      expect(report.problems).toEqual([]);
      const ours = report.files.map((f) => ({ name: f.name, size: f.size }));
      expect(ours).toEqual(lsarListing(first));
    });
  }

  it('sees the recovery record, lock and authenticity of store_rr_solid_auth', async () => {
    // Main flags 0x0155: volume, lock, new numbering, recovery record, first volume. Store mode
    // leaves the solid bit clear despite -s, and AV/RR live in NEWSUB (0x7A) service blocks.
    const info = await readRarVolume(rar4('store_rr_solid_auth.part1.rar'));
    expect(info.isNewNumbering).toBe(true);
    expect(info.isLocked).toBe(true);
    expect(info.isSolid).toBe(false);
    expect(info.hasRecoveryRecord).toBe(true);
    expect(info.hasAuthenticity).toBe(true);
    expect(info.services.map((s) => s.name)).toEqual(['AV', 'RR']);
  });

  it("reproduces WinRAR's volume sizes and split points for store_split_folder", async () => {
    const names = ['store_split_folder.rar', 'store_split_folder.r00', 'store_split_folder.r01'];
    const winrar = await Promise.all(names.map((n) => readRarVolume(rar4(n))));
    const firstParts = winrar.flatMap((v) => v.files).filter((f) => !f.isSplitBefore);
    const files = await Promise.all(
      firstParts.map(async (f) => {
        const header = await readHeader(
          winrar.find((v) => v.files.includes(f))!.path,
          f.offset,
          f.headerSize,
        );
        return { name: f.name, size: f.unpackedSize, mtime: winrarTime(header) };
      }),
    );
    const plan = planRarVolumes({
      files,
      format: 'rar4',
      naming: 'old',
      baseName: 'store_split_folder',
      volumeSize: 32_768,
      hostOs: 'windows',
      dosTimeZone: 'utc',
    });
    expect(plan.volumes.map((v) => v.fileName)).toEqual(names);
    expect(plan.volumes.map((v) => v.segments.map((s) => [plan.files[s.fileIndex]!.name, s.length]))).toEqual(
      winrar.map((v) => v.files.map((f) => [f.name, f.dataSize])),
    );
    // Header sizes agree for every ASCII name; only the Greek name's encoding differs.
    const ourHeaders = plan.volumes.flatMap((v) => v.segments.map((s) => s.headerSize));
    const theirHeaders = winrar.flatMap((v) => v.files.map((f) => f.headerSize));
    const greek = plan.volumes
      .flatMap((v) => v.segments)
      .findIndex((s) => plan.files[s.fileIndex]!.isUnicodeName);
    ourHeaders.forEach((size, i) => {
      if (i !== greek) expect(size).toBe(theirHeaders[i]);
    });
    const nameDelta = ourHeaders[greek]! - theirHeaders[greek]!;
    expect(plan.volumes.map((v) => v.size)).toEqual(winrar.map((v, i) => v.size + (i === 2 ? nameDelta : 0)));
  });
});

async function readHeader(path: string, offset: number, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  const buffer = Buffer.alloc(size);
  await handle.read(buffer, 0, size, offset);
  await handle.close();
  return buffer;
}

/** FTIME (read as UTC so re-encoding in UTC gives the same bits) plus EXT_TIME's odd second and 100 ns. */
function winrarTime(header: Buffer) {
  const ftime = header.readUInt32LE(7 + 13);
  const nameSize = header.readUInt16LE(7 + 19);
  const seconds = decodeDosTime(ftime, 'utc').getTime() / 1000;
  const flags = header.readUInt16LE(3);
  if (!(flags & 0x1000)) return { unixSeconds: seconds, nanoseconds: 0 };
  const ext = decodeRar4ExtTime(header, 32 + nameSize);
  return { unixSeconds: seconds + ext.addSeconds, nanoseconds: ext.nanoseconds };
}
