// Sources for job tests: a real EPUB, and a "large" MKV (real Matroska header from mkvmerge,
// then extended sparse so a pack takes a while without costing disk).
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { makeEpub } from './make-epub.js';
import { makeMkv } from './make-mkv.js';

export async function makeSources(dir: string, options: { largeBytes?: number } = {}) {
  const epub = join(dir, 'book.epub');
  await makeEpub(epub, { title: 'Job Book', author: 'Ann Author', date: '2020-01-01', padding: 6_000_000 });
  const large = join(dir, 'large.mkv');
  makeMkv(large, { width: 1280, height: 720, seconds: 75, frameBytes: 2_000 });
  await truncate(large, options.largeBytes ?? 700_000_000);
  return { epub, large };
}

export const ebookConfig = (source: string) => ({
  type: 'ebook',
  source,
  group: 'GRP',
  meta: { source: 'RETAiL' },
});
export const tvConfig = (source: string) => ({
  type: 'tv',
  source,
  group: 'GRP',
  meta: { show: 'Big Show', season: '1', episode: '1', format: 'HDTV' },
});

/** Polls until `check` passes or the time is up. */
export async function until<T>(get: () => Promise<T>, check: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (check(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
