// packTv end to end: an MKV made by mkvmerge in, RAR4 .rar/.r00 volumes, SFV, NFO and a Sample/
// out, checked with cksfv, lsar, Python rarfile, the official UnRAR (WASM), mkvmerge -J and our validator.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packRelease } from '../../src/app/index.js';
import { getProfile, validateRelease } from '../../src/engine/index.js';
import { makeMkv } from '../helpers/make-mkv.js';
import {
  cksfv,
  digestWithRarfile,
  extractWithUnrarWasm,
  lsarTest,
  sha256File,
  tempDir,
} from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const ctx = { version: '9.9.9', clock: () => new Date('2026-11-26T12:00:00Z') };

describe.runIf(shouldRunWith('mkvmerge', 'cksfv', 'lsar', 'rarfile'))('pack tv', () => {
  let work: string;
  let sd: string;
  let hd: string;

  beforeAll(async () => {
    work = await tempDir('tv');
    sd = join(work, 'sd.mkv');
    hd = join(work, 'hd.mkv');
    makeMkv(sd, { width: 640, height: 352, seconds: 100, frameBytes: 16_000 }); // ≈ 40 MB
    makeMkv(hd, { width: 1280, height: 720, seconds: 80, frameBytes: 3_000 });
  });

  it('packs an SD episode into 15,000,000-byte old-style volumes that independent readers accept', async () => {
    const result = await packRelease(
      ctx,
      {
        type: 'tv',
        profile: 'tv-sd-2016',
        source: sd,
        group: 'GRP',
        outputDir: join(work, 'out'),
        meta: { show: 'Show Name', season: '1', episode: '2', format: 'HDTV' },
        sample: true,
      },
      { durable: false },
    );
    expect(result.releaseName).toBe('Show.Name.S01E02.HDTV.x264-GRP');
    expect(result.volumeSize).toBe(15_000_000);
    const dir = result.releaseDir;
    const stem = 'show.name.s01e02.hdtv.x264-grp';
    expect((await readdir(dir)).sort()).toEqual([
      'Sample',
      `${stem}.nfo`,
      `${stem}.r00`,
      `${stem}.r01`,
      `${stem}.rar`,
      `${stem}.sfv`,
    ]);
    expect((await stat(join(dir, `${stem}.rar`))).size).toBe(15_000_000);
    expect((await stat(join(dir, `${stem}.r00`))).size).toBe(15_000_000);

    const sfv = cksfv(join(dir, `${stem}.sfv`), dir);
    expect(sfv.ok, sfv.output).toBe(true);
    const first = join(dir, `${stem}.rar`);
    expect(lsarTest(first).ok).toBe(true);
    const digest = await sha256File(sd);
    expect(await extractWithUnrarWasm(first)).toEqual({ [`${stem}.mkv`]: digest });
    const py = digestWithRarfile(first);
    expect(py.ok, py.output).toBe(true);
    expect(py.digests).toEqual({ [`${stem}.mkv`]: digest });

    // the sample: one MKV, cut without re-encoding, 50–70 s long by mkvmerge's own reading
    expect(await readdir(join(dir, 'Sample'))).toEqual([`${stem}-sample.mkv`]);
    const info = JSON.parse(
      spawnSync('mkvmerge', ['-J', join(dir, 'Sample', `${stem}-sample.mkv`)], { encoding: 'utf8' }).stdout,
    );
    const seconds = info.container.properties.duration / 1e9;
    expect(seconds).toBeGreaterThanOrEqual(50);
    expect(seconds).toBeLessThanOrEqual(70);
    expect(info.tracks[0].codec).toBe('VP8');

    const report = await validateRelease(dir, getProfile('tv-sd-2016'));
    expect(report.findings).toEqual([]);
    // issue #20: the NFO names the codec, not its Matroska id, and the time as a person reads it.
    expect(result.nfo.text).toMatch(/Duration \.+: 1m 40s/);
    expect(result.nfo.text).toMatch(/Video \.+: VP8/);
  });

  it('reads 720p from the Matroska header and builds the HD name; warns without a sample', async () => {
    const result = await packRelease(
      ctx,
      {
        type: 'tv',
        source: hd,
        group: 'GRP',
        outputDir: join(work, 'out'),
        meta: { show: 'Show', season: '3', episode: '4-5', format: 'HDTV' },
      },
      { durable: false },
    );
    expect(result.releaseName).toBe('Show.S03E04-E05.720p.HDTV.x264-GRP');
    expect(result.volumes).toHaveLength(1);
    expect(result.findings.map((f) => [f.id, f.severity])).toEqual([['release.sample-missing', 'warn']]);
    expect(result.nfo.text).toContain('1280x720 (720p)');
  });

  it('refuses RAR5 for TV and an SD file for the 720p profile', async () => {
    const base = {
      type: 'tv',
      source: hd,
      group: 'GRP',
      outputDir: join(work, 'refused'),
      meta: { show: 'S', season: '1', episode: '1', format: 'HDTV' },
    } as const;
    await expect(packRelease(ctx, { ...base, rarFormat: 'rar5' })).rejects.toMatchObject({
      code: 'RAR_FORMAT_NOT_ALLOWED',
    });
    await expect(packRelease(ctx, { ...base, source: sd })).rejects.toMatchObject({
      code: 'NAME_INVALID_FIELD',
      message: expect.stringContaining('--profile tv-sd-2016'),
    });
    await expect(packRelease(ctx, { ...base, volumeSize: 20_000_000 })).rejects.toMatchObject({
      code: 'VOLUME_SIZE_NOT_ALLOWED',
    });
  });

  it('issue #25: trusts the CRCs it computed while writing, and reads the volumes back with verify', async () => {
    // A byte of volume data changed between writing and validating (the moment the validate
    // phase starts): only a pack that reads its volumes back can notice.
    const packWithDamage = async (out: string, verify: boolean) =>
      packRelease(
        ctx,
        {
          type: 'tv',
          profile: 'tv-sd-2016',
          source: sd,
          group: 'GRP',
          outputDir: out,
          meta: { show: 'Show Name', season: '1', episode: '3', format: 'HDTV' },
          verify,
        },
        {
          durable: false,
          onProgress: (p) => {
            if (p.phase !== 'validate') return;
            const staging = readdirSync(out).find((n) => n.startsWith('.'))!;
            const r00 = join(out, staging, 'show.name.s01e03.hdtv.x264-grp.r00');
            const fd = openSync(r00, 'r+');
            const byte = Buffer.alloc(1);
            readSync(fd, byte, 0, 1, 7_500_000);
            byte[0]! ^= 0xff;
            writeSync(fd, byte, 0, 1, 7_500_000);
            closeSync(fd);
          },
        },
      );
    const trusted = await packWithDamage(await tempDir('tv-trust'), false);
    // With the follow-on findings folded under their cause.
    const ids = (findings: readonly { id: string; effects?: readonly { id: string }[] }[]) =>
      [...new Set(findings.flatMap((f) => [f, ...(f.effects ?? [])]).map((f) => f.id))].sort();
    expect(ids(trusted.findings)).toEqual(['release.sample-missing']);
    // What was published is what a site then finds: the damage, through the full check.
    const site = await validateRelease(trusted.releaseDir, getProfile('tv-sd-2016'));
    expect(ids(site.findings)).toEqual([
      'release.rar-integrity',
      'release.sample-missing',
      'release.sfv-crc',
    ]);

    const out = await tempDir('tv-verify');
    await expect(packWithDamage(out, true)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      details: {
        findings: expect.arrayContaining([
          expect.objectContaining({
            id: 'release.rar-integrity',
            detail: 'show.name.s01e03.hdtv.x264-grp.r00: CRC mismatch (SFV and RAR)',
            effects: expect.arrayContaining([expect.objectContaining({ id: 'release.sfv-crc' })]),
          }),
        ]),
      },
    });
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);
  });
});
