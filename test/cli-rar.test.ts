// The built CLI as a child process: JSON output, exit codes, and no partial volumes on errors.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { until } from './helpers/job-fixtures.js';
import { tempDir } from './helpers/readers.js';

const bin = fileURLToPath(new URL('../bin/relpack.js', import.meta.url));
const relpack = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('relpack rar (built CLI)', () => {
  it('writes volumes and an SFV and prints one JSON document', async () => {
    const src = await tempDir('cli');
    await writeFile(join(src, 'ep.mkv'), randomBytes(120_000));
    const out = join(await tempDir('cli-out'), 'rel');
    const run = relpack([
      'rar',
      join(src, 'ep.mkv'),
      '-o',
      join(out, 'ep-grp'),
      '-v',
      '50000B',
      '--sfv',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.volumes.map((v: { name: string }) => v.name)).toEqual([
      'ep-grp.rar',
      'ep-grp.r00',
      'ep-grp.r01',
    ]);
    expect(result.volumes[0].size).toBe(50_000);
    expect((await readdir(out)).sort()).toEqual(['ep-grp.r00', 'ep-grp.r01', 'ep-grp.rar', 'ep-grp.sfv']);
  });

  it('--dry-run plans without writing', async () => {
    const src = await tempDir('cli');
    await writeFile(join(src, 'ep.mkv'), randomBytes(1000));
    const out = join(await tempDir('cli-out'), 'rel');
    const run = relpack([
      'rar',
      join(src, 'ep.mkv'),
      '-o',
      join(out, 'x'),
      '--format',
      'rar5',
      '-v',
      '600B',
      '--dry-run',
      '--json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).volumes.map((v: { name: string }) => v.name)).toEqual([
      'x.part1.rar',
      'x.part2.rar',
    ]);
    await expect(readdir(out)).rejects.toThrow();
  });

  it.each([
    ['a missing source', (src: string) => [join(src, 'nope.mkv'), '-v', '1MB'], 3, 'SOURCE_NOT_FOUND'],
    [
      'a volume too small for the headers',
      (src: string) => [join(src, 'ep.mkv'), '-v', '60B'],
      2,
      'RAR_VOLUME_TOO_SMALL',
    ],
    [
      'more volumes than old naming allows',
      (src: string) => [join(src, 'ep.mkv'), '-v', '100B'],
      2,
      'RAR_TOO_MANY_VOLUMES',
    ],
    ['an ambiguous size unit', (src: string) => [join(src, 'ep.mkv'), '-v', '15m'], 2, 'INVALID_ARGUMENT'],
    [
      'RAR5 with old naming',
      (src: string) => [join(src, 'ep.mkv'), '--format', 'rar5', '--naming', 'old'],
      2,
      'INVALID_ARGUMENT',
    ],
  ])(
    'refuses %s with a code, an exit status and no volume left behind',
    async (_title, args, status, code) => {
      const src = await tempDir('cli');
      await writeFile(join(src, 'ep.mkv'), randomBytes(100_000));
      const out = join(await tempDir('cli-out'), 'rel');
      const run = relpack(['rar', ...args(src), '-o', join(out, 'x'), '--json']);
      expect(run.status).toBe(status);
      expect(JSON.parse(run.stdout).error.code).toBe(code);
      expect(run.stderr).toContain(code);
      const left = await readdir(out).catch(() => []);
      expect(left).toEqual([]);
    },
  );

  it('refuses an output directory that is not empty', async () => {
    const src = await tempDir('cli');
    await writeFile(join(src, 'ep.mkv'), randomBytes(1000));
    const out = await tempDir('cli-out');
    await writeFile(join(out, 'other.txt'), 'keep me');
    const run = relpack(['rar', join(src, 'ep.mkv'), '-o', join(out, 'x')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('OUTPUT_NOT_EMPTY');
    expect(await readdir(out)).toEqual(['other.txt']);
  });

  it('suggests the closest option on a typo and exits 2', () => {
    const run = relpack(['rar', 'x', '-o', 'y', '--volume-sise', '5']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--volume-size');
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    it(`issue #18, #25: ${signal} mid-write cleans up, leaves nothing, and exits ${code}`, async () => {
      const src = await tempDir('cli');
      const big = join(src, 'big.mkv');
      await writeFile(big, '');
      await truncate(big, 6 * 2 ** 30); // sparse: reads as zeros, fast, but not instant
      const out = join(await tempDir('cli-out'), 'rel');
      const child = spawn(process.execPath, [
        bin,
        'rar',
        big,
        '-o',
        join(out, 'x'),
        '-v',
        '500MB',
        '--no-progress',
      ]);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const exited = once(child, 'exit');
      // Once the first volume is being written: Ctrl-C, kill, or the terminal going away.
      await until(
        () => readdir(out).catch(() => [] as string[]),
        (names) => names.some((n) => n.includes('.tmp-')),
        60_000,
      );
      child.kill(signal);
      const [exitCode] = await exited;
      expect(exitCode, stderr).toBe(code);
      expect(stderr).toContain(`relpack: interrupted (${signal})`);
      expect(await readdir(out)).toEqual([]);
    });

  it('issue #18: leftovers of an interrupted run are named, and --clean-partial removes them', async () => {
    const src = await tempDir('cli');
    await writeFile(join(src, 'ep.mkv'), randomBytes(2000));
    const out = await tempDir('cli-out');
    await writeFile(join(out, 'x.rar.tmp-0123456789ab'), 'half a volume');
    await writeFile(join(out, 'x.r00.tmp-0123456789ab'), 'another half');
    const refused = relpack(['rar', join(src, 'ep.mkv'), '-o', join(out, 'x')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('OUTPUT_NOT_EMPTY');
    expect(refused.stderr).toContain('--clean-partial');
    const cleaned = relpack(['rar', join(src, 'ep.mkv'), '-o', join(out, 'x'), '--clean-partial']);
    expect(cleaned.status, cleaned.stderr).toBe(0);
    expect(await readdir(out)).toEqual(['x.rar']);
    // Anything else in the folder still refuses the run, leftovers or not.
    await writeFile(join(out, 'y.rar.tmp-0123456789ab'), 'half');
    const mixed = relpack(['rar', join(src, 'ep.mkv'), '-o', join(out, 'z'), '--clean-partial']);
    expect(mixed.status).toBe(2);
    expect((await readdir(out)).sort()).toEqual(['x.rar', 'y.rar.tmp-0123456789ab']);
  });

  it('issue #25: a reader that goes away is not an error (relpack --help | head -1)', async () => {
    for (const args of [['--help'], ['rules', 'list'], ['rules', 'show', 'tv-720p-2016', '--json']]) {
      const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The read end is closed before the CLI writes: its first write meets EPIPE.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      const [code] = await once(child, 'exit');
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
    }
  });
});
