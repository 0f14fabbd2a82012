// The volume writer opens each source without following a link (issue #18): a source swapped for
// a symlink after its path was checked and planned is refused, and nothing is left behind.
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
});
