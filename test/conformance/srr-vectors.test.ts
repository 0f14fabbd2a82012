// The two real scene SRRs (ReScene .NET 1.1 and 1.2): relpack's reader must list exactly what
// pyReScene's `srr.py -l` lists for them (recorded beside each file), and a scene release
// rebuilt from their headers must validate without a false integrity finding (issue #20's
// real-scene control).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { showSrr } from '../../src/app/srr/index.js';

const dir = fileURLToPath(new URL('../fixtures/vectors/srr/', import.meta.url));
const VECTORS = [
  'Dexter.S05E02.iNTERNAL.720p.HDTV.x264-ORENJI_vlcbugreport',
  'House.S06E12.720p.HDTV.x264-IMMERSE_rarfs_problem',
];

/** pyReScene's listing: application, stored files, RAR files (name CRC size), archived files. */
function parseListing(text: string) {
  const sections = new Map<string, string[]>();
  let current = '';
  for (const line of text.split('\n')) {
    if (/^\S.*:$/.test(line)) current = line.slice(0, -1);
    else if (line.startsWith('\t')) sections.set(current, [...(sections.get(current) ?? []), line.slice(1)]);
  }
  const rows = (name: string) => (sections.get(name) ?? []).map((l) => l.trim().split(/\s+/));
  return {
    application: sections.get('Creating Application')?.[0],
    storedFiles: rows('Stored files').map(([size, name]) => ({ name, size: Number(size) })),
    volumes: rows('RAR files').map(([name, crc32, size]) => ({ name, crc32, size: Number(size) })),
    files: rows('Archived files').map(([name, crc32, size]) => ({
      name,
      crc32,
      size: Number(size),
      stored: true,
    })),
  };
}

describe('the scene SRR vectors', () => {
  for (const name of VECTORS) {
    it(`${name}: relpack lists what pyReScene lists`, async () => {
      const expected = parseListing(await readFile(join(dir, `${name}.pyrescene.txt`), 'utf8'));
      const summary = await showSrr(join(dir, `${name}.srr`));
      expect(expected.volumes.length).toBeGreaterThan(20);
      expect(summary.application).toBe(expected.application);
      expect(summary.storedFiles).toEqual(expected.storedFiles);
      expect(summary.volumes).toEqual(expected.volumes);
      expect(summary.files).toEqual(expected.files);
      expect(summary.format).toBe('rar4');
      expect(summary.notRebuildable).toBeNull();
    });
  }
});
