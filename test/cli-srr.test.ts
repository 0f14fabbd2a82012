// `relpack srr` as a child process of the built CLI: create → show → rebuild, exit codes and
// messages for a file that is not an SRR and for media that is not the release's.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/readers.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const vectors = fileURLToPath(new URL('./fixtures/vectors/', import.meta.url));
const relpack = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('relpack srr (built CLI)', () => {
  it('create, show and rebuild a release: the same bytes come back', async () => {
    const work = await tempDir('cli-srr');
    const media = join(work, 'ep.mkv');
    await writeFile(media, randomBytes(150_000));
    const release = join(work, 'Show.S01E01.720p.HDTV.x264-GRP');
    const rar = relpack([
      'rar',
      media,
      '-o',
      join(release, 'show-grp'),
      '-v',
      '50000B',
      '--sfv',
      '--no-progress',
    ]);
    expect(rar.status, rar.stderr).toBe(0);

    const create = relpack(['srr', 'create', release]);
    expect(create.status, create.stderr).toBe(0);
    expect(create.stdout).toMatch(
      /wrote .*Show\.S01E01\.720p\.HDTV\.x264-GRP\.srr \(\d+ bytes\): 4 volume\(s\), 1 stored file\(s\)/,
    );

    const show = relpack(['srr', 'show', `${release}.srr`, '--json']);
    expect(show.status, show.stderr).toBe(0);
    const summary = JSON.parse(show.stdout);
    expect(summary.volumes.map((v: { name: string }) => v.name)).toEqual([
      'show-grp.rar',
      'show-grp.r00',
      'show-grp.r01',
      'show-grp.r02',
    ]);
    expect(summary.files).toEqual([
      { name: 'ep.mkv', size: 150_000, crc32: expect.stringMatching(/^[0-9A-F]{8}$/), stored: true },
    ]);

    const text = relpack(['srr', 'show', `${release}.srr`]);
    expect(text.stdout).toContain('Application: relpack ');
    expect(text.stdout).toContain('Rebuildable from the media (store mode)');

    const out = join(work, 'rebuilt');
    const rebuild = relpack(['srr', 'rebuild', `${release}.srr`, media, '-o', out, '--no-progress']);
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toContain('rebuilt 4 volume(s)');
    expect(rebuild.stdout).toContain('every CRC matches the stored SFV');
    for (const name of await readdir(release)) {
      expect((await readFile(join(out, name))).equals(await readFile(join(release, name))), name).toBe(true);
    }
  });

  it('a scene SRR lists its volumes; a RAR is not an SRR (exit 3)', () => {
    const show = relpack([
      'srr',
      'show',
      join(vectors, 'srr', 'House.S06E12.720p.HDTV.x264-IMMERSE_rarfs_problem.srr'),
    ]);
    expect(show.status, show.stderr).toBe(0);
    expect(show.stdout).toContain('Application: ReScene .NET 1.1');
    expect(show.stdout).toContain('24 volume(s), 1.1 GiB');
    expect(show.stdout).toMatch(/house\.s06e12\.720p\.hdtv\.x264-immerse\.mkv\s+14A9BD58\s+1174142894/);

    const notSrr = relpack(['srr', 'show', join(vectors, 'rar4-winrar', 'store_little.rar')]);
    expect(notSrr.status).toBe(3);
    expect(notSrr.stderr).toContain('is not an SRR file');
  });

  it('media that is not the release: exit 3, says which file, writes nothing', async () => {
    const work = await tempDir('cli-srr-bad');
    const media = join(work, 'ep.mkv');
    await writeFile(media, randomBytes(60_000));
    const release = join(work, 'Rel');
    expect(
      relpack(['rar', media, '-o', join(release, 'rel'), '-v', '50000B', '--sfv', '--no-progress']).status,
    ).toBe(0);
    expect(relpack(['srr', 'create', release]).status).toBe(0);
    await writeFile(media, randomBytes(60_000));
    const out = join(work, 'out');
    const rebuild = relpack(['srr', 'rebuild', `${release}.srr`, media, '-o', out, '--no-progress']);
    expect(rebuild.status).toBe(3);
    expect(rebuild.stderr).toContain('The source of ep.mkv is not the archived file');
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
