// `relpack fix nfo|dir` as a child process of the built CLI: NFOFIX and DIRFIX releases for TV and
// eBOOK that `relpack validate` accepts, and every wrong request refused with nothing written.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { packRelease } from '../src/app/index.js';
import { readMatroskaHeader, verifyRarSet } from '../src/engine/index.js';
import { makeEpub } from './helpers/make-epub.js';
import { makeMkv } from './helpers/make-mkv.js';
import { tempDir } from './helpers/readers.js';
import { shouldRunWith } from './helpers/tools.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const relpack = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const ctx = { version: '9.9.9', clock: () => new Date('2026-12-01T12:00:00Z') };

describe.runIf(shouldRunWith('mkvmerge'))('relpack fix (built CLI)', () => {
  let work: string;
  let tv: string;
  let ebook: string;

  beforeAll(async () => {
    work = await tempDir('cli-fix');
    makeMkv(join(work, 'ep.mkv'), { width: 1280, height: 720, seconds: 70, frameBytes: 2_000 });
    tv = (
      await packRelease(ctx, {
        type: 'tv',
        source: join(work, 'ep.mkv'),
        group: 'GRP',
        outputDir: join(work, 'releases'),
        meta: { show: 'Show Name', season: '1', episode: '2', format: 'HDTV' },
      })
    ).releaseDir;
    await makeEpub(join(work, 'b.epub'), { title: 'A Title', author: 'Ann Author', date: '2020-01-01' });
    ebook = (
      await packRelease(ctx, {
        type: 'ebook',
        source: join(work, 'b.epub'),
        group: 'GRP',
        outputDir: join(work, 'releases'),
        meta: { source: 'RETAiL' },
      })
    ).releaseDir;
    await writeFile(
      join(work, 'fixed.nfo'),
      'The corrected NFO of\r\n{{ release.fixes }}\r\n({{ release.fix }}, {{ release.date }})\r\n',
    );
  });

  it('fix nfo, TV: the NFOFIX release names the original and validates', async () => {
    const out = join(work, 'tv-fix');
    const run = relpack([
      'fix',
      'nfo',
      tv,
      '--nfo',
      join(work, 'fixed.nfo'),
      '-o',
      out,
      '--time',
      '2026-12-02',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Show.Name.S01E02.NFOFIX.720p.HDTV.x264-GRP');
    expect(result.fixes).toBe('Show.Name.S01E02.720p.HDTV.x264-GRP');
    expect(await readdir(result.releaseDir)).toEqual(['show.name.s01e02.nfofix.720p.hdtv.x264-grp.nfo']);
    const nfo = await readFile(join(result.releaseDir, result.nfo.name), 'latin1');
    expect(nfo).toBe('The corrected NFO of\r\nShow.Name.S01E02.720p.HDTV.x264-GRP\r\n(NFOFIX, 2026-12-02)');
    const validate = relpack(['validate', result.releaseDir, '--json']);
    expect(validate.status, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout).findings).toEqual([]);
  });

  it('fix nfo, eBOOK: NFOFiX after the source tag, and it validates', () => {
    const out = join(work, 'ebook-fix');
    const run = relpack(['fix', 'nfo', ebook, '--nfo', join(work, 'fixed.nfo'), '-o', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Ann.Author.A.Title.2020.RETAiL.NFOFiX.ePUB.eBOOK-GRP');
    expect(relpack(['validate', result.releaseDir]).status).toBe(0);
  });

  it('fix dir: the DIRFIX under the correct name, its default NFO naming the wrong one', async () => {
    const out = join(work, 'dir-fix');
    const run = relpack([
      'fix',
      'dir',
      tv,
      '--name',
      'Show.Name.S01E03.720p.HDTV.x264-GRP',
      '-o',
      out,
      '--time',
      '2026-01-02T00:00:00Z',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Show.Name.S01E03.DIRFIX.720p.HDTV.x264-GRP');
    const nfo = await readFile(join(result.releaseDir, result.nfo.name), 'latin1');
    expect(nfo).toContain('DIRFIX for Show.Name.S01E02.720p.HDTV.x264-GRP');
    expect(nfo).toContain('Date: 2026-01-02');
    expect(relpack(['validate', result.releaseDir]).status).toBe(0);
  });

  it('fix sample: the SAMPLEFIX holds a new sample cut from the episode in the RAR set', async () => {
    const out = join(work, 'sample-fix');
    const run = relpack(['fix', 'sample', tv, '-o', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Show.Name.S01E02.SAMPLEFIX.720p.HDTV.x264-GRP');
    expect(result.files.map((f: { kind: string; path: string }) => `${f.kind} ${f.path}`).sort()).toEqual([
      'nfo show.name.s01e02.samplefix.720p.hdtv.x264-grp.nfo',
      'sample Sample/show.name.s01e02.720p.hdtv.x264-grp-sample.mkv',
    ]);
    const sample = (
      await readMatroskaHeader(
        join(result.releaseDir, 'Sample', 'show.name.s01e02.720p.hdtv.x264-grp-sample.mkv'),
      )
    ).fields;
    expect(sample.durationSeconds).toBeGreaterThan(50);
    expect(sample.durationSeconds).toBeLessThan(70);
    expect(relpack(['validate', result.releaseDir]).status).toBe(0);
    // The scratch copy of the episode is gone.
    expect(await readdir(out)).toEqual(['Show.Name.S01E02.SAMPLEFIX.720p.HDTV.x264-GRP']);
  });

  it('repack: the REPACK holds the same episode, its NFO naming the original and the reason', async () => {
    const out = join(work, 'repack');
    const run = relpack(['repack', tv, '--reason', 'the first volume was cut short', '-o', out, '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.releaseName).toBe('Show.Name.S01E02.REPACK.720p.HDTV.x264-GRP');
    expect(result.replaces).toBe('Show.Name.S01E02.720p.HDTV.x264-GRP');
    expect(result.warnings).toEqual([]);
    // The notes are wrapped to the NFO's width.
    expect(result.nfo.text.replace(/\s+/g, ' ')).toContain(
      'REPACK of Show.Name.S01E02.720p.HDTV.x264-GRP: the first volume was cut short',
    );
    expect(result.nfo.text).toMatch(/Show \.+: Show Name/);
    const [before, after] = await Promise.all([
      verifyRarSet(join(tv, 'show.name.s01e02.720p.hdtv.x264-grp.rar')),
      verifyRarSet(join(result.releaseDir, 'show.name.s01e02.repack.720p.hdtv.x264-grp.rar')),
    ]);
    expect(after.files[0]!.crc32).toBe(before.files[0]!.crc32);
    expect(after.files[0]!.size).toBe(before.files[0]!.size);
    expect(relpack(['validate', result.releaseDir]).status).toBe(0);
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it("proper: another group's, with a reason, warned inside the 24 h after the original", () => {
    const out = join(work, 'proper');
    const early = relpack([
      'repack',
      tv,
      '--proper',
      '-g',
      'OTHER',
      '--reason',
      'the SFV misses a volume',
      '-o',
      join(out, 'a'),
    ]);
    expect(early.status, early.stderr).toBe(0);
    expect(early.stdout).toContain('Show.Name.S01E02.PROPER.720p.HDTV.x264-OTHER');
    expect(early.stderr).toMatch(
      /warning: Show\.Name\.S01E02\.720p\.HDTV\.x264-GRP is \d+\.\d h old: .* wait 24 h after the pre/,
    );
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const late = relpack([
      'repack',
      tv,
      '--proper',
      '-g',
      'OTHER',
      '--reason',
      'the SFV misses a volume',
      '-o',
      join(out, 'b'),
      '--time',
      later,
    ]);
    expect(late.status, late.stderr).toBe(0);
    expect(late.stderr).not.toContain('warning:');
    for (const [args, text] of [
      [['--proper', '-g', 'OTHER'], 'A PROPER must say why'],
      [['--proper', '--reason', 'x'], "A PROPER fixes another group's release"],
      [['-g', 'OTHER'], "A REPACK is GRP's own corrected release"],
    ] as const) {
      const bad = relpack(['repack', tv, ...args, '-o', join(out, 'c')]);
      expect(bad.status, bad.stdout).toBe(2);
      expect(bad.stderr).toContain(text);
    }
    const ebookRepack = relpack(['repack', ebook, '-o', join(out, 'c')]);
    expect(ebookRepack.status).toBe(1);
    expect(ebookRepack.stderr).toContain('ebook-2022 has no REPACK tag');
    const ebookProper = relpack([
      'repack',
      ebook,
      '--proper',
      '-g',
      'OTHER',
      '--reason',
      'x',
      '-o',
      join(out, 'c'),
    ]);
    expect(ebookProper.status).toBe(2);
    expect(ebookProper.stderr).toContain('An eBOOK repack needs the book');
  });

  it('refuses, writing nothing: an NFO that does not name the release, a DIRFIX to a bad name, a folder that is no release', async () => {
    const out = join(work, 'refused');
    await writeFile(join(work, 'unnamed.nfo'), 'Just some text\r\n');
    const unnamed = relpack(['fix', 'nfo', tv, '--nfo', join(work, 'unnamed.nfo'), '-o', out]);
    expect(unnamed.status).toBe(1);
    expect(unnamed.stderr).toContain('release.fix-names-original');
    expect(unnamed.stderr).toContain('does not name Show.Name.S01E02.720p.HDTV.x264-GRP');

    const badName = relpack(['fix', 'dir', tv, '--name', 'Show Name S01E03 720p', '-o', out]);
    expect(badName.status).toBe(1);
    expect(badName.stderr).toMatch(/breaks \d+ naming rule/);

    const same = relpack(['fix', 'dir', tv, '--name', 'Show.Name.S01E02.720p.HDTV.x264-GRP', '-o', out]);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain("is already the release's dirname");

    const ebookSample = relpack(['fix', 'sample', ebook, '-o', out]);
    expect(ebookSample.status).toBe(1);
    expect(ebookSample.stderr).toContain('ebook-2022 has no SAMPLEFIX tag');

    await mkdir(join(work, 'not-a-release'));
    await writeFile(join(work, 'not-a-release', 'notes.txt'), 'x');
    const notRelease = relpack([
      'fix',
      'nfo',
      join(work, 'not-a-release'),
      '--nfo',
      join(work, 'fixed.nfo'),
      '-o',
      out,
    ]);
    expect(notRelease.status).toBe(3);
    expect(notRelease.stderr).toContain('holds no RAR volumes or ZIP disks');

    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('validate: an NFOFIX that holds more than its NFO, or an NFO not naming the original, blocks', async () => {
    const dir = join(work, 'hand-made', 'Show.Name.S01E02.NFOFIX.720p.HDTV.x264-GRP');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'show.name.s01e02.nfofix.720p.hdtv.x264-grp.nfo'), 'An NFO about nothing\r\n');
    await writeFile(join(dir, 'extra.rar'), 'x');
    const run = relpack(['validate', dir, '--json']);
    expect(run.status).toBe(1);
    const details = JSON.parse(run.stdout).findings.map(
      (f: { id: string; detail: string }) => `${f.id}: ${f.detail}`,
    );
    expect(details).toEqual(
      expect.arrayContaining([
        'release.fix-names-original: extra.rar: a NFOFIX release holds only its NFO',
        'release.fix-names-original: show.name.s01e02.nfofix.720p.hdtv.x264-grp.nfo does not name Show.Name.S01E02.720p.HDTV.x264-GRP, the release it fixes',
      ]),
    );
  });

  it('fixes and repacks the release of a local job as jobs of its own, linked in its history', async () => {
    const env = { ...process.env, RELPACK_DATA_DIR: await tempDir('cli-fix-data'), LOG_LEVEL: 'warn' };
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    const json = (args: string[]) => {
      const r = run([...args, '--json']);
      expect(r.status, `relpack ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return JSON.parse(r.stdout);
    };
    const meta = ['-m', 'show=Show Name', '-m', 'season=1', '-m', 'episode=2', '-m', 'format=HDTV'];
    const packed = json(['pack', 'tv', join(work, 'ep.mkv'), '-g', 'GRP', ...meta, '--job']);
    const id: string = packed.job.id;
    expect(packed.job.status).toBe('completed');

    // A short id, as the web shows it; a preview writes nothing and makes no job.
    const preview = json([
      'fix',
      'dir',
      id.slice(0, 8),
      '--name',
      'Show.Name.S01E03.720p.HDTV.x264-GRP',
      '--preview',
    ]);
    expect(preview).toMatchObject({
      tag: 'DIRFIX',
      releaseName: 'Show.Name.S01E03.DIRFIX.720p.HDTV.x264-GRP',
    });
    expect(json(['jobs', 'list']).total).toBe(1);

    const dirfix = json([
      'fix',
      'dir',
      id,
      '--name',
      'Show.Name.S01E03.720p.HDTV.x264-GRP',
      '--time',
      '2026-12-02',
    ]);
    expect(dirfix.job).toMatchObject({
      status: 'completed',
      result: {
        releaseName: 'Show.Name.S01E03.DIRFIX.720p.HDTV.x264-GRP',
        fixes: 'Show.Name.S01E02.720p.HDTV.x264-GRP',
      },
    });
    expect(dirfix.artifacts.map((a: { kind: string }) => a.kind)).toEqual(['nfo']);
    const repack = json(['repack', id, '--reason', 'volume 3 was cut short']);
    expect(repack.job).toMatchObject({
      status: 'completed',
      result: { releaseName: 'Show.Name.S01E02.REPACK.720p.HDTV.x264-GRP' },
    });
    const nfo = repack.artifacts.find((a: { kind: string }) => a.kind === 'nfo');
    const { decodeCp437 } = await import('../src/engine/index.js');
    const nfoPath = join(env.RELPACK_DATA_DIR, 'releases', repack.job.id, nfo.path);
    expect(decodeCp437(await readFile(nfoPath))).toContain(
      'REPACK of Show.Name.S01E02.720p.HDTV.x264-GRP: volume 3 was cut short',
    );

    const history = json(['jobs', 'history', repack.job.id]);
    expect(
      history.items.map((e: { relation: string; tag: string | null }) => `${e.relation}:${e.tag}`),
    ).toEqual(['original:null', 'fix:DIRFIX', 'repack:REPACK']);
    const table = run(['jobs', 'history', id]);
    expect(table.stdout).toMatch(/fix \(DIRFIX\)\s+completed\s+\S+ \S+\s+Show\.Name\.S01E03\.DIRFIX/);

    // What only a folder takes is refused for a job, and a folder is not sent to a server.
    const out = run(['fix', 'dir', id, '--name', 'Show.Name.S01E03.720p.HDTV.x264-GRP', '-o', work]);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--out is for a release folder on this machine');
    const remote = run(['repack', tv, '--server', 'http://127.0.0.1:9']);
    expect(remote.status).not.toBe(0);
    expect(remote.stderr).toContain('is a folder on this machine: drop --server');
  });
});
