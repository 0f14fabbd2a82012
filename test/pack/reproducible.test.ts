// Issue #21: every byte of a release is a function of the sources, the request and one pack time.
// Two packs of the same sources with the same `time`, run at different wall-clock times, give
// byte-identical trees (ZIP disks, DIZ, NFO, SFV and the mkvmerge sample included); another time
// gives another tree. RAR 5 sets (eBook disks, and `relpack rar`) too.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRarSet, packRelease } from '../../src/app/index.js';
import { makeEpub } from '../helpers/make-epub.js';
import { makeMkv } from '../helpers/make-mkv.js';
import { digestTree, tempDir } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const TIME = new Date('2026-12-01T20:00:00Z');
let tick = 0;
/** A clock that is never the same twice: what it says must not reach the bytes when `time` is given. */
const ctx = { version: '9.9.9', clock: () => new Date(Date.UTC(2030, 0, 1) + tick++ * 3_600_000) };

async function twice<T>(run: (out: string) => Promise<T>) {
  const work = await tempDir('repro');
  const a = join(work, 'a');
  const b = join(work, 'b');
  await mkdir(a);
  await mkdir(b);
  const first = await run(a);
  const second = await run(b);
  return { first, second, a: await digestTree(a), b: await digestTree(b) };
}

describe('reproducible packs', () => {
  for (const rarFormat of ['rar4', 'rar5'] as const) {
    it(`eBook, ${rarFormat}: the same time gives the same ZIP disks, DIZ and NFO`, async () => {
      const src = await tempDir('repro-src');
      await makeEpub(join(src, 'b.epub'), { title: 'Book', author: 'Author', padding: 6_000_000 });
      const pack = (out: string, time: Date) =>
        packRelease(
          ctx,
          {
            type: 'ebook',
            source: join(src, 'b.epub'),
            group: 'GRP',
            outputDir: out,
            meta: { source: 'RETAiL' },
            volumeSize: 5_000_000,
            rarFormat,
            time,
          },
          { durable: false },
        );
      const { first, a, b } = await twice((out) => pack(out, TIME));
      expect(first.packedAt).toBe('2026-12-01T20:00:00.000Z');
      expect(first.disks!.length).toBeGreaterThan(1);
      expect(Object.keys(a).some((p) => p.endsWith('.zip'))).toBe(true);
      expect(b).toEqual(a);
      const other = await twice((out) => pack(out, new Date('2026-12-02T20:00:00Z')));
      const differing = Object.keys(a).filter((p) => other.a[p] !== a[p]);
      expect(differing.length).toBeGreaterThan(0);
      expect(differing.every((p) => /\.(zip|nfo)$/.test(p))).toBe(true);
    });
  }

  it.runIf(shouldRunWith('mkvmerge'))(
    'TV: the same time gives the same volumes, SFV, NFO and sample',
    async () => {
      const src = await tempDir('repro-tv');
      makeMkv(join(src, 'ep.mkv'), { width: 640, height: 352, seconds: 80, frameBytes: 16_000 });
      const { first, a, b } = await twice((out) =>
        packRelease(
          ctx,
          {
            type: 'tv',
            profile: 'tv-sd-2016',
            source: join(src, 'ep.mkv'),
            group: 'GRP',
            outputDir: out,
            meta: { show: 'Show Name', season: '1', episode: '2', format: 'HDTV' },
            volumeSize: 15_000_000,
            sample: true,
            time: TIME,
          },
          { durable: false },
        ),
      );
      expect(first.sample).not.toBeNull();
      expect(Object.keys(a).some((p) => p.includes('Sample/'))).toBe(true);
      expect(Object.keys(a).some((p) => p.endsWith('.r00'))).toBe(true);
      expect(b).toEqual(a);
    },
  );

  it('relpack rar, RAR 5 with an SFV: the same time gives the same set', async () => {
    const src = await tempDir('repro-rar');
    makeMkv(join(src, 'ep.mkv'), { width: 320, height: 176, seconds: 4, frameBytes: 4_000 });
    const { a, b } = await twice((out) =>
      createRarSet(ctx, {
        sources: [join(src, 'ep.mkv')],
        output: join(out, 'set'),
        volumeSize: 20_000,
        format: 'rar5',
        naming: 'part',
        sfv: true,
        time: TIME,
      }),
    );
    expect(Object.keys(a).length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  });
});
