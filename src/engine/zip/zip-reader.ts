import { createWriteStream } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { crc32 } from '../checksum/crc32.js';

export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
}

/** Reads the wanted entries (small metadata files) of a ZIP, each at most `maxBytes`. */
export async function readZipEntries(
  path: string,
  wanted: (name: string) => boolean,
  maxBytes = 4 << 20,
): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const found = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (!wanted(entry.fileName) || entry.uncompressedSize > maxBytes) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      found.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return found;
}

/**
 * Lists a ZIP's entries and, with `verify`, inflates each one: yauzl checks the sizes and we
 * check the CRC32, so a damaged disk is caught the way `unzip -t` would catch it.
 */
export async function listZipEntries(path: string, verify = false): Promise<ZipEntryInfo[]> {
  const zip = await yauzl.openPromise(path, {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
  });
  const out: ZipEntryInfo[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (verify) {
        let crc = 0;
        for await (const chunk of await zip.openReadStreamPromise(entry)) crc = crc32(chunk as Buffer, crc);
        if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error(`CRC mismatch in ${entry.fileName}`);
      }
      out.push({
        name: entry.fileName,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        crc32: entry.crc32,
      });
    }
  } finally {
    zip.close();
  }
  return out;
}

/** Streams the wanted entries of a ZIP into `destDir` under their base names (constant memory). */
export async function extractZipEntries(
  path: string,
  wanted: (name: string) => boolean,
  destDir: string,
): Promise<string[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const written: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (!wanted(entry.fileName)) continue;
      const target = join(destDir, basename(entry.fileName));
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target, { flags: 'wx' }));
      written.push(target);
    }
  } finally {
    zip.close();
  }
  return written;
}
