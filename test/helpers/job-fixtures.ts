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

/**
 * A pack job for the test EPUB. Each release name is packed once (a second one is a dupe):
 * tests that pack the book several times give each job its own `n`, which goes in the title.
 */
export const ebookConfig = (source: string, n?: number) => ({
  type: 'ebook',
  source,
  group: 'GRP',
  meta: { source: 'RETAiL', ...(n === undefined ? {} : { title: `Job Book ${n}` }) },
});
/** A pack job for the test MKV; like ebookConfig, each job that must not be a dupe has its own episode. */
export const tvConfig = (source: string, episode = 1) => ({
  type: 'tv',
  source,
  group: 'GRP',
  meta: { show: 'Big Show', season: '1', episode: String(episode), format: 'HDTV' },
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
