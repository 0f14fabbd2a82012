// Hostile release folders fed to `relpack validate` (issue #18): truncated headers, header and
// name sizes pointing past the end, data sizes of 4 GiB in a small file, an NFO of 1 GB, 100,000
// files, deeply nested ZIPs, a ZIP bomb, an NFO that is a link to /dev/zero, an SFV that is a FIFO.
// None may crash, hang (each has a time budget) or use more than 256 MB: each answers a report
// (exit 0 or 1) or a coded error (exit 2 or 3).
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, open, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { tempDir } from '../helpers/readers.js';
import { packGoodReleases } from '../helpers/release-fixtures.js';
import { shouldRunWith } from '../helpers/tools.js';

const measure = fileURLToPath(new URL('./measure-cli.mjs', import.meta.url));
const TIME_BUDGET_MS = 60_000;
const MEMORY_BUDGET_KB = 256 * 1024;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  maxRssKb: number;
  ms: number;
  stdout: string;
  stderr: string;
}

function validate(dir: string, profile: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [measure, 'validate', dir, '--profile', profile, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_BUDGET_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const rss = /RELPACK_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1];
      resolve({
        code,
        signal,
        maxRssKb: Number(rss ?? Number.NaN),
        ms: performance.now() - started,
        stdout,
        stderr,
      });
    });
  });
}

async function patch(path: string, at: number, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'r+');
  await handle.write(bytes, 0, bytes.length, at);
  await handle.close();
}

async function zipOf(entries: { name: string; data: Buffer; compress: boolean }[], target: string) {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(target, Buffer.concat(chunks));
}

describe.runIf(shouldRunWith('mkvmerge'))('hostile release folders', () => {
  let work: string;
  let tv: string;
  let ebook: string;
  let disks: string[];
  const stem = 'show.name.s01e02.hdtv.x264-grp';
  const results: string[] = [];

  beforeAll(async () => {
    work = await tempDir('hostile-releases');
    const good = await packGoodReleases(work, { seconds: 20, sample: false, bookPadding: 6_000_000 });
    tv = good.tv;
    ebook = good.ebook;
    disks = good.ebookFiles.zips;
  });

  let n = 0;
  async function copyOf(release: string): Promise<string> {
    const dir = join(work, `case-${++n}`, release.split('/').pop()!);
    await cp(release, dir, { recursive: true });
    return dir;
  }

  const cases: [string, 'tv' | 'ebook', (dir: string) => Promise<void>][] = [
    ['a first volume cut inside its headers', 'tv', (d) => truncate(join(d, `${stem}.rar`), 20)],
    [
      'a file header size pointing past the end',
      'tv',
      (d) => patch(join(d, `${stem}.rar`), 20 + 5, Buffer.from([0xff, 0xff])),
    ],
    [
      'a name length of 65535',
      'tv',
      (d) => patch(join(d, `${stem}.rar`), 20 + 26, Buffer.from([0xff, 0xff])),
    ],
    [
      'a packed size of 4 GiB in a small volume',
      'tv',
      (d) => patch(join(d, `${stem}.rar`), 20 + 7, Buffer.from([0xff, 0xff, 0xff, 0xff])),
    ],
    ['an NFO of 1 GB', 'tv', (d) => truncate(join(d, `${stem}.nfo`), 2 ** 30)],
    [
      'an NFO that is a link to /dev/zero',
      'tv',
      async (d) => {
        await rm(join(d, `${stem}.nfo`));
        await symlink('/dev/zero', join(d, `${stem}.nfo`));
      },
    ],
    [
      'an SFV that is a FIFO nobody writes to',
      'tv',
      async (d) => {
        await rm(join(d, `${stem}.sfv`));
        expect(spawnSync('mkfifo', [join(d, `${stem}.sfv`)]).status).toBe(0);
      },
    ],
    [
      '100,000 extra files',
      'tv',
      async (d) => {
        await mkdir(join(d, 'Extras'));
        for (let i = 0; i < 100_000; i += 1000) {
          await Promise.all(
            Array.from({ length: 1000 }, (_, k) => writeFile(join(d, 'Extras', `f${i + k}.txt`), '')),
          );
        }
      },
    ],
    [
      'deeply nested ZIPs in a disk',
      'ebook',
      async (d) => {
        let inner = Buffer.from('core');
        for (let depth = 0; depth < 40; depth++) {
          const path = join(work, `nest-${n}-${depth}.zip`);
          await zipOf([{ name: `level${depth}.zip`, data: inner, compress: false }], path);
          const { readFile } = await import('node:fs/promises');
          inner = await readFile(path);
        }
        await zipOf([{ name: 'nested.zip', data: inner, compress: false }], join(d, disks[0]!));
      },
    ],
    [
      'a ZIP bomb as a disk',
      'ebook',
      async (d) => {
        // 2 GiB of zeros deflate to ~2 MB; declared honestly, so only inflating it finds it out.
        const zeros = Buffer.alloc(64 * 2 ** 20);
        const piece = deflateRawSync(zeros);
        void piece;
        await zipOf(
          [{ name: 'bomb.bin', data: Buffer.alloc(256 * 2 ** 20), compress: true }],
          join(d, disks[0]!),
        );
      },
    ],
  ];

  for (const [title, kind, mutate] of cases) {
    it(`issue #18: ${title}: a report or a coded error, in time and in 256 MB`, async () => {
      const dir = await copyOf(kind === 'tv' ? tv : ebook);
      await mutate(dir);
      const outcome = await validate(dir, kind === 'tv' ? 'tv-sd-2016' : 'ebook-2022');
      results.push(
        `${title}: exit ${outcome.code}, ${Math.round(outcome.ms)} ms, ${Math.round(outcome.maxRssKb / 1024)} MB`,
      );
      console.info(results.at(-1));
      expect(outcome.signal, `${title}: killed (budget ${TIME_BUDGET_MS} ms)\n${outcome.stderr}`).toBeNull();
      expect([0, 1, 2, 3], `${title}\n${outcome.stderr}`).toContain(outcome.code);
      expect(outcome.maxRssKb, title).toBeLessThan(MEMORY_BUDGET_KB);
      if (outcome.code === 1) expect(JSON.parse(outcome.stdout).ok).toBe(false);
    });
  }
});
