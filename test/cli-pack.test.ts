// The built CLI for pack, validate, name check and rules: JSON output and exit codes.
import { spawnSync } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEpub } from './helpers/make-epub.js';
import { makeMkv } from './helpers/make-mkv.js';
import { tempDir } from './helpers/readers.js';
import { shouldRunWith } from './helpers/tools.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const relpack = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('relpack rules and name check', () => {
  it('lists and shows the profiles', () => {
    const list = relpack(['rules', 'list', '--json']);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout).map((p: { id: string }) => p.id)).toEqual([
      'ebook-2022',
      'tv-720p-2016',
      'tv-sd-2016',
      'web-2020',
    ]);
    const show = relpack(['rules', 'show', 'tv-720p-2016']);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('release.volume-step-up');
    expect(show.stdout).toContain('any multiple of 50,000,000');
    expect(relpack(['rules', 'show', 'nope']).status).toBe(2);
  });

  it('exits 0 for a good name and 1 with every finding for a bad one', () => {
    expect(
      relpack(['name', 'check', 'Show.Name.S01E02.720p.HDTV.x264-GRP', '-p', 'tv-720p-2016']).status,
    ).toBe(0);
    const bad = relpack(['name', 'check', 'Show Name S01E02 720p HDTV', '-p', 'tv-720p-2016', '--json']);
    expect(bad.status).toBe(1);
    const result = JSON.parse(bad.stdout);
    expect(result.ok).toBe(false);
    expect(result.findings.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['name.charset', 'name.group-tag']),
    );
  });

  it('issue #25: name parse prints the fields a name holds, and exits 0 even for a bad name', () => {
    const tv = relpack(['name', 'parse', 'Show.Name.S01E02E03.720p.HDTV.x264-GRP', '-p', 'tv-720p-2016']);
    expect(tv.status, tv.stderr).toBe(0);
    expect(tv.stdout).toMatch(/^showWords\s+Show Name$/m);
    expect(tv.stdout).toMatch(/^episode\s+S01E02E03$/m);
    expect(tv.stdout).toMatch(/^group\s+GRP$/m);
    const book = relpack([
      'name',
      'parse',
      'Ann.Author.A.Title.2020.RETAiL.ePUB.eBOOK-GRP',
      '-p',
      'ebook-2022',
      '--json',
    ]);
    expect(book.status).toBe(0);
    expect(JSON.parse(book.stdout).fields).toMatchObject({
      year: 2020,
      source: 'RETAiL',
      format: 'ePUB',
      group: 'GRP',
    });
    const bad = relpack(['name', 'parse', 'no group here', '-p', 'ebook-2022', '--json']);
    expect(bad.status).toBe(0);
    expect(JSON.parse(bad.stdout).fields.group).toBeNull();
  });
});

describe.runIf(shouldRunWith('mkvmerge'))('relpack pack and validate', () => {
  let work: string;
  beforeAll(async () => {
    work = await tempDir('cli-pack');
    await makeEpub(join(work, 'book.epub'), {
      title: 'Dune',
      author: 'Frank Herbert',
      date: '1965-08-01',
      padding: 3_000_000,
    });
    makeMkv(join(work, 'ep.mkv'), { width: 1280, height: 720, seconds: 75, frameBytes: 2_000 });
  });

  it('packs an eBook, prints JSON, and validate agrees (then fails once a disk is gone)', async () => {
    const out = join(work, 'out');
    const run = relpack([
      'pack',
      'ebook',
      join(work, 'book.epub'),
      '-g',
      'GRP',
      '-o',
      out,
      '-m',
      'source=RETAiL',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Frank.Herbert.Dune.1965.RETAiL.ePUB.eBOOK-GRP');
    expect(result.files.map((f: { kind: string }) => f.kind).sort()).toEqual(['nfo', 'zip']);
    for (const f of result.files) expect(f.crc32).toMatch(/^[0-9A-Fa-f]{8}$/);
    expect(relpack(['validate', result.releaseDir]).status).toBe(0);
    const zip = result.files.find((f: { kind: string }) => f.kind === 'zip').path;
    await rm(join(result.releaseDir, zip));
    const failed = relpack(['validate', result.releaseDir, '--json']);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).ok).toBe(false);
  });

  it('issue #21: --time and $SOURCE_DATE_EPOCH set the pack time; a bad one is a usage error', () => {
    const args = [
      'pack',
      'ebook',
      join(work, 'book.epub'),
      '-g',
      'GRP',
      '-m',
      'source=RETAiL',
      '--dry-run',
      '--json',
    ];
    const timed = relpack([...args, '--time', '2026-12-01T20:00:00+01:00']);
    expect(timed.status, timed.stderr).toBe(0);
    expect(JSON.parse(timed.stdout).packedAt).toBe('2026-12-01T19:00:00.000Z');
    const epoch = relpack(args, { SOURCE_DATE_EPOCH: '1764619200' });
    expect(epoch.status, epoch.stderr).toBe(0);
    expect(JSON.parse(epoch.stdout).packedAt).toBe('2025-12-01T20:00:00.000Z');
    // --time wins over the environment.
    const both = relpack([...args, '--time', '2026-01-02'], { SOURCE_DATE_EPOCH: '1764619200' });
    expect(JSON.parse(both.stdout).packedAt).toBe('2026-01-02T00:00:00.000Z');
    for (const [extra, env, text] of [
      [['--time', 'yesterday'], {}, 'is not an ISO 8601 time with a zone'],
      [['--time', '2026-12-01T20:00:00'], {}, 'is not an ISO 8601 time with a zone'],
      [['--time', '1970-01-01'], {}, 'is not a time between 1980 and 2107'],
      [[], { SOURCE_DATE_EPOCH: 'soon' }, 'SOURCE_DATE_EPOCH="soon" is not a number of seconds'],
    ] as const) {
      const bad = relpack([...args, ...extra], env);
      expect(bad.status, bad.stdout).toBe(2);
      expect(bad.stderr).toContain(text);
    }
  });

  it('packs a TV episode with --dry-run writing nothing, then for real', () => {
    const out = join(work, 'tv-out');
    const args = [
      'pack',
      'tv',
      join(work, 'ep.mkv'),
      '-g',
      'GRP',
      '-o',
      out,
      '-m',
      'show=Show',
      '-m',
      'season=1',
      '-m',
      'episode=2',
      '-m',
      'format=HDTV',
    ];
    const dry = relpack([...args, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('plan for Show.S01E02.720p.HDTV.x264-GRP');
    expect(spawnSync('ls', [out]).status).not.toBe(0);
    const run = relpack([...args, '--no-progress']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('release.sample-missing');
  });

  it('maps errors to exit codes and leaves nothing behind on a rule violation', async () => {
    const out = join(work, 'err');
    const missing = relpack([
      'pack',
      'tv',
      join(work, 'ep.mkv'),
      '-g',
      'GRP',
      '-o',
      out,
      '-m',
      'show=Show',
      '-m',
      'episode=2',
    ]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('NAME_MISSING_FIELDS');
    expect(missing.stderr).toContain('HDTV');
    const mismatch = relpack(['pack', 'tv', join(work, 'book.epub'), '-g', 'GRP', '-o', out]);
    expect(mismatch.status).toBe(2); // .epub is not a TV source type
    expect(mismatch.stderr).toContain('SOURCE_TYPE_NOT_ALLOWED');
    expect(relpack(['validate', join(work, 'nope')]).status).toBe(3);
    const badName = [
      'pack',
      'tv',
      join(work, 'ep.mkv'),
      '-g',
      'GRP',
      '-o',
      out,
      '--name',
      'Show.S01E02.PROPER.PROPER.720p.HDTV.x264-GRP',
      '--json',
    ];
    const refused = relpack(badName);
    expect(refused.status).toBe(1);
    const error = JSON.parse(refused.stdout).error;
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.details.findings.map((f: { id: string }) => f.id)).toContain('name.tag-repeated');
    expect(await readdir(out)).toEqual([]);
    const allowed = relpack([...badName, '--allow', 'name.tag-repeated']);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).findings.map((f: { id: string }) => f.id)).toContain(
      'name.tag-repeated',
    );
  });

  it('prints file metadata, and packs a PDF named from its info dictionary', async () => {
    const meta = relpack(['meta', join(work, 'book.epub'), '--json']);
    expect(meta.status).toBe(0);
    expect(JSON.parse(meta.stdout)).toMatchObject({
      type: 'epub',
      fields: { title: 'Dune', author: 'Frank Herbert', year: 1965 },
    });
    const { makePdf } = await import('./helpers/make-ebooks.js');
    await makePdf(join(work, 'scan.pdf'), { title: 'Old Maps', author: 'Carto Grapher', pages: 4 });
    const pack = relpack([
      'pack',
      'ebook',
      join(work, 'scan.pdf'),
      '-g',
      'GRP',
      '-m',
      'source=SCAN',
      '-o',
      join(work, 'pdf-out'),
      '--json',
    ]);
    expect(pack.status, pack.stderr).toBe(0);
    expect(JSON.parse(pack.stdout).releaseName).toBe('Carto.Grapher.Old.Maps.2016.SCAN.eBOOK-GRP');
    expect(relpack(['meta', join(work, 'nope.pdf')]).status).toBe(3);
  });

  it('uses RELPACK_RELEASES_DIR when --out is absent', () => {
    const releases = join(work, 'configured');
    const run = relpack(
      ['pack', 'ebook', join(work, 'book.epub'), '-g', 'GRP', '-m', 'source=SCAN', '--json'],
      { RELPACK_RELEASES_DIR: releases },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).releaseDir).toBe(
      join(releases, 'Frank.Herbert.Dune.1965.SCAN.ePUB.eBOOK-GRP'),
    );
  });
});
