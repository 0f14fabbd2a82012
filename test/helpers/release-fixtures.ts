// Good releases to damage: a TV episode (tv-sd-2016, three RAR volumes, SFV, NFO, sample) and an
// eBOOK (ebook-2022, ZIP disks holding RAR volumes, DIZ and NFO), packed by relpack itself.
import { cp, open } from 'node:fs/promises';
import { join } from 'node:path';
import { packRelease } from '../../src/app/index.js';
import { crc32 } from '../../src/engine/index.js';
import { makeEpub } from './make-epub.js';
import { makeMkv } from './make-mkv.js';

const ctx = { version: '9.9.9', clock: () => new Date('2026-11-26T12:00:00Z') };

export interface GoodReleases {
  readonly tv: string;
  /** File-name stem of the TV release's volumes, SFV and NFO. */
  readonly stem: string;
  readonly ebook: string;
  readonly ebookFiles: { zips: string[]; nfo: string; volumes: string[] };
}

/** Smaller releases pack faster: `seconds` of episode, `bookPadding` bytes in the EPUB. */
export interface GoodReleaseSizes {
  readonly seconds?: number;
  readonly sample?: boolean;
  readonly bookPadding?: number;
}

export async function packGoodReleases(work: string, sizes: GoodReleaseSizes = {}): Promise<GoodReleases> {
  const seconds = sizes.seconds ?? 80;
  makeMkv(join(work, 'ep.mkv'), { width: 640, height: 352, seconds, frameBytes: 16_000 });
  const t = await packRelease(
    ctx,
    {
      type: 'tv',
      profile: 'tv-sd-2016',
      source: join(work, 'ep.mkv'),
      group: 'GRP',
      outputDir: join(work, 'good'),
      meta: { show: 'Show Name', season: '1', episode: '2', format: 'HDTV' },
      volumeSize: 15_000_000,
      sample: sizes.sample ?? true,
    },
    { durable: false },
  );
  await makeEpub(join(work, 'b.epub'), {
    title: 'Book',
    author: 'Author',
    padding: sizes.bookPadding ?? 12_000_000,
  });
  const e = await packRelease(
    ctx,
    {
      type: 'ebook',
      source: join(work, 'b.epub'),
      group: 'GRP',
      outputDir: join(work, 'good'),
      meta: { source: 'RETAiL' },
    },
    { durable: false },
  );
  return {
    tv: t.releaseDir,
    stem: 'show.name.s01e02.hdtv.x264-grp',
    ebook: e.releaseDir,
    ebookFiles: {
      zips: e.disks!.map((d) => d.zip),
      nfo: e.nfo.name,
      volumes: e.disks!.map((d) => d.volume),
    },
  };
}

export async function flipByte(path: string, position: number): Promise<void> {
  const handle = await open(path, 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, position);
  byte[0]! ^= 0xff;
  await handle.write(byte, 0, 1, position);
  await handle.close();
}

/** A copy of the release `original` under `work`, changed by `mutate`; returns the copy's path. */
export async function mutated(
  original: string,
  work: string,
  mutate: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = join(work, `m-${Math.random().toString(36).slice(2)}`, original.split('/').pop()!);
  await cp(original, dir, { recursive: true });
  await mutate(dir);
  return dir;
}

/** Rewrites a header's bytes with `change`, then stores the header CRC the format asks for. */
export async function patchHeader(
  path: string,
  format: 'rar4' | 'rar5',
  block: { offset: number; headerSize: number },
  change: (header: Buffer) => void,
) {
  const handle = await open(path, 'r+');
  const header = Buffer.alloc(block.headerSize);
  await handle.read(header, 0, header.length, block.offset);
  change(header);
  // RAR4: HEAD_CRC is the low 16 bits of the CRC-32 of the header after it; RAR5: all 32 bits.
  if (format === 'rar4') header.writeUInt16LE(crc32(header.subarray(2)) & 0xffff, 0);
  else header.writeUInt32LE(crc32(header.subarray(4)), 0);
  await handle.write(header, 0, header.length, block.offset);
  await handle.close();
}
