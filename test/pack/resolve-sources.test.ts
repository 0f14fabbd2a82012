// Folders become archive entries in `rar a -r` order: sorted names, a subfolder's files where the
// subfolder sorts, whatever batching the lookups use.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSources } from '../../src/app/index.js';
import { tempDir } from '../helpers/readers.js';

describe('resolveSources', () => {
  it('keeps sorted order across lookup batches and subfolders between files', async () => {
    const root = join(await tempDir('resolve'), 'Release');
    await mkdir(join(root, 'm-sub', 'deeper'), { recursive: true });
    const expected: string[] = [];
    // 70 files before the subfolder (more than one batch of lookups), 5 after it.
    for (let i = 0; i < 70; i++) await writeFile(join(root, `a${String(i).padStart(3, '0')}.bin`), `a${i}`);
    await writeFile(join(root, 'm-sub', 'deeper', 'x.bin'), 'x');
    await writeFile(join(root, 'm-sub', 'y.bin'), 'y');
    for (let i = 0; i < 5; i++) await writeFile(join(root, `z${i}.bin`), `z${i}`);
    for (let i = 0; i < 70; i++) expected.push(`Release/a${String(i).padStart(3, '0')}.bin`);
    expected.push('Release/m-sub/deeper/x.bin', 'Release/m-sub/y.bin');
    for (let i = 0; i < 5; i++) expected.push(`Release/z${i}.bin`);
    const sources = await resolveSources([root]);
    expect(sources.map((s) => s.name)).toEqual(expected);
    expect(sources.find((s) => s.name === 'Release/a042.bin')?.size).toBe(3);
  });

  it('resolves links to the real path, so a link swapped in later is refused by the writer', async () => {
    const dir = await tempDir('resolve-link');
    await writeFile(join(dir, 'real.bin'), 'data');
    await symlink(join(dir, 'real.bin'), join(dir, 'link.bin'));
    const [source] = await resolveSources([join(dir, 'link.bin')]);
    expect(source?.path).toBe(join(dir, 'real.bin'));
    expect(source?.name).toBe('link.bin');
  });
});
