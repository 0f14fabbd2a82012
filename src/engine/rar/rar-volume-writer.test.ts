// The volume writer opens each source without following a link (issue #18): a source swapped for
// a symlink after its path was checked and planned is refused, and nothing is left behind. A source
// that grew or shrank since planning is refused too, small parts (read whole, their end probed by
// the read itself) and streamed ones alike.
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRarVolumes } from './rar-volume-writer.js';
import { planRarVolumes } from './volume-plan.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(process.env.RELPACK_TEST_TMP ?? tmpdir(), 'relpack-writer-'));
  dirs.push(dir);
  return dir;
}

describe('writeRarVolumes', () => {
  it('issue #18: refuses a source swapped for a link after planning', async () => {
    const dir = await scratch();
    const source = join(dir, 'episode.mkv');
    const secret = join(dir, 'secret.bin');
    await writeFile(source, Buffer.alloc(5000, 1));
    await writeFile(secret, Buffer.alloc(5000, 2));
    const plan = planRarVolumes({
      files: [{ name: 'episode.mkv', size: 5000, mtime: { unixSeconds: 0, nanoseconds: 0 } }],
      format: 'rar5',
      naming: 'part',
      baseName: 'x',
    });
    await rm(source);
    await symlink(secret, source);
    const out = join(dir, 'out');
    await mkdir(out);
    await expect(
      writeRarVolumes(plan, { sources: [source], outputDir: out, durable: false }),
    ).rejects.toMatchObject({
      code: 'SOURCE_CHANGED',
    });
    expect(await readdir(out)).toEqual([]);
  });

  const sizes = [
    ['an empty file', 0],
    ['a 4 KiB file', 4096],
    ['a file read as one small part', 65_536],
    ['a streamed file', 3 << 20],
  ] as const;
  for (const [what, size] of sizes) {
    for (const [change, by] of [
      ['grew', 1],
      ['shrank', -1],
    ] as const) {
      if (size + by < 0) continue;
      it(`refuses ${what} that ${change} by a byte after planning, leaving nothing`, async () => {
        const dir = await scratch();
        const source = join(dir, 'f.bin');
        await writeFile(source, Buffer.alloc(size, 3));
        const plan = planRarVolumes({
          files: [
            { name: 'a.bin', size, mtime: { unixSeconds: 0, nanoseconds: 0 } },
            { name: 'b.bin', size, mtime: { unixSeconds: 0, nanoseconds: 0 } },
          ],
          format: 'rar4',
          naming: 'old',
          baseName: 'x',
        });
        const other = join(dir, 'g.bin');
        await writeFile(other, Buffer.alloc(size, 4));
        await writeFile(source, Buffer.alloc(size + by, 3));
        const out = join(dir, 'out');
        await mkdir(out);
        await expect(
          writeRarVolumes(plan, { sources: [other, source], outputDir: out, durable: false }),
        ).rejects.toMatchObject({ code: 'SOURCE_CHANGED', details: { path: source } });
        expect(await readdir(out)).toEqual([]);
      });
    }
  }

  it('stores small files exactly when none changed', async () => {
    const dir = await scratch();
    const files = [0, 1, 4096, 65_535, 65_536].map((size, i) => ({ path: join(dir, `s${i}`), size }));
    for (const f of files) await writeFile(f.path, Buffer.alloc(f.size, 7));
    const plan = planRarVolumes({
      files: files.map((f, i) => ({
        name: `s${i}`,
        size: f.size,
        mtime: { unixSeconds: 0, nanoseconds: 0 },
      })),
      format: 'rar5',
      naming: 'part',
      baseName: 'x',
    });
    const out = join(dir, 'out');
    await mkdir(out);
    const written = await writeRarVolumes(plan, {
      sources: files.map((f) => f.path),
      outputDir: out,
      durable: false,
    });
    expect(written.files.map((f) => f.size)).toEqual(files.map((f) => f.size));
    expect(written.volumes[0]?.size).toBe(plan.volumes[0]?.size);
  });
});
