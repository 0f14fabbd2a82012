// ZIP disks checked by unzip -t and yauzl (byte equality); SFVs by cksfv, and the reference
// SFVs written by hkSFV and ExactFile parsed by our reader.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  crc32,
  formatSfv,
  parseSfv,
  verifySfvEntries,
  writeZipDisk,
  ZipErrorCode,
} from '../../src/engine/index.js';
import { cksfv, tempDir, unzipTest } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const vectors = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));

function readZip(path: string): Promise<Record<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out: Record<string, Buffer> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out[entry.fileName] = Buffer.concat(chunks);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe.runIf(shouldRunWith('unzip', 'cksfv', 'bsdtar'))('ZIP disks and SFV', () => {
  it('writes an 8.3 store disk as PKZIP did on DOS, which unzip -t, zipinfo and yauzl accept', async () => {
    const dir = await tempDir('zip');
    const volume = join(dir, 'grpttl.rar');
    await writeFile(volume, randomBytes(50_000));
    const diz = Buffer.from('Title\r\nDISK: [01/01]\r\n');
    const path = join(dir, 'grpttl01.zip');
    const written = await writeZipDisk({
      path,
      entries: [
        { name: 'grpttl.rar', source: { path: volume } },
        { name: 'file_id.diz', source: { data: diz } },
      ],
      mtime: new Date(2026, 0, 2, 3, 4, 6),
    });
    const test = unzipTest(path);
    expect(test.ok, test.output).toBe(true);
    const info = spawnSync('zipinfo', ['-v', path], { encoding: 'utf8' });
    expect(info.status, info.stderr).toBe(0);
    // Local and central records agree, with nothing between entries: no extra field on one side
    // only ("extra -13 bytes preceding") and no data descriptor ("16 bytes preceding").
    expect(info.stdout).not.toMatch(/bytes preceding|universal time|UT extra field/);
    const count = (pattern: RegExp) => info.stdout.match(new RegExp(pattern, 'g'))?.length ?? 0;
    expect(count(/length of extra field:\s+0 bytes/)).toBe(2);
    expect(count(/extended local header:\s+no/)).toBe(2);
    expect(count(/file system or operating system of origin:\s+MS-DOS, OS\/2 or NT FAT/)).toBe(2);
    expect(count(/minimum software version required to extract:\s+1\.0/)).toBe(2);
    expect(count(/MS-DOS file attributes \(20 hex\):\s+arc/)).toBe(2);
    expect(count(/file last modified on \(DOS date\/time\):\s+2026 Jan 2 03:04:06/)).toBe(2);
    expect(info.stdout).not.toMatch(/UTF-8/i);
    const entries = await readZip(path);
    expect(entries['grpttl.rar']!.equals(await readFile(volume))).toBe(true);
    expect(entries['file_id.diz']!.equals(diz)).toBe(true);
    const bytes = await readFile(path);
    expect(written).toEqual({ path, size: bytes.length, crc32: crc32(bytes) });
    // A streaming reader sees every size in the local headers (a data descriptor hid them).
    const listing = spawnSync('sh', ['-c', `bsdtar -tvf - < "${path}"`], { encoding: 'utf8' });
    expect(listing.stdout).toMatch(/\s50000 .*grpttl\.rar/);
  });

  it('takes a known CRC as given, and abandons the disk when the file does not match it', async () => {
    const dir = await tempDir('zip');
    const volume = join(dir, 'grpttl.rar');
    const data = randomBytes(70_000);
    await writeFile(volume, data);
    const good = join(dir, 'good01.zip');
    await writeZipDisk({
      path: good,
      entries: [{ name: 'grpttl.rar', source: { path: volume, crc32: crc32(data) } }],
      mtime: new Date(),
    });
    expect(unzipTest(good).ok).toBe(true);
    const bad = join(dir, 'bad01.zip');
    await expect(
      writeZipDisk({
        path: bad,
        entries: [{ name: 'grpttl.rar', source: { path: volume, crc32: crc32(data) ^ 1 } }],
        mtime: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'SOURCE_CHANGED' });
    expect((await readdir(dir)).sort()).toEqual(['good01.zip', 'grpttl.rar']);
    await expect(
      writeZipDisk({
        path: join(dir, 'names01.zip'),
        entries: [{ name: 'Κείμενο.nfo', source: { data: Buffer.from('x') } }],
        mtime: new Date(),
      }),
    ).rejects.toMatchObject({ code: ZipErrorCode.ENTRY_NAME_INVALID });
    // A disk is refused before a byte is written when it would need ZIP64 (a sparse 4 GiB file).
    const huge = join(dir, 'huge.rar');
    await (await import('node:fs/promises')).truncate(await writeFile(huge, '').then(() => huge), 2 ** 32);
    await expect(
      writeZipDisk({
        path: join(dir, 'huge01.zip'),
        entries: [{ name: 'huge.rar', source: { path: huge } }],
        mtime: new Date(),
      }),
    ).rejects.toMatchObject({ code: ZipErrorCode.TOO_LARGE });
    expect(await readdir(dir)).not.toContain('huge01.zip');
  });

  it('refuses a disk name that is not lower-case 8.3', async () => {
    const dir = await tempDir('zip');
    for (const name of ['GRPTTL01.ZIP', 'toolongname.zip', 'a b.zip', 'x.zipx']) {
      await expect(
        writeZipDisk({
          path: join(dir, name),
          entries: [{ name: 'a', source: { data: Buffer.from('x') } }],
          mtime: new Date(),
        }),
      ).rejects.toMatchObject({ code: ZipErrorCode.NAME_NOT_8_3 });
    }
  });

  it('writes SFVs cksfv accepts and detects a changed file', async () => {
    const dir = await tempDir('sfv');
    await writeFile(join(dir, 'a.rar'), 'alpha');
    await writeFile(join(dir, 'b.r00'), 'beta');
    const text = formatSfv(
      [
        { name: 'a.rar', crc32: crc32(Buffer.from('alpha')) },
        { name: 'b.r00', crc32: crc32(Buffer.from('beta')) },
      ],
      { generator: 'relpack test', date: new Date('2026-01-01T00:00:00Z') },
    );
    expect(text).toMatch(/^; Generated by relpack test on 2026-01-01 00:00:00 UTC\r\n/);
    expect(text.split('\r\n').slice(1, 3)).toEqual([
      `a.rar ${crc32(Buffer.from('alpha')).toString(16).padStart(8, '0')}`,
      expect.stringMatching(/^b\.r00 [0-9a-f]{8}$/),
    ]);
    await writeFile(join(dir, 'set.sfv'), text);
    expect(cksfv(join(dir, 'set.sfv'), dir).ok).toBe(true);
    await writeFile(join(dir, 'b.r00'), 'BETA');
    expect(cksfv(join(dir, 'set.sfv'), dir).ok).toBe(false);
    const checks = await verifySfvEntries(dir, parseSfv(text).entries);
    expect(checks.map((c) => c.status)).toEqual(['ok', 'mismatch']);
  });

  it('parses the hkSFV and ExactFile reference files (names with spaces, comments)', async () => {
    const hk = parseSfv(await readFile(`${vectors}rar4-winrar/store_split_folder.sfv`, 'latin1'));
    expect(hk.entries.map((e) => e.name)).toEqual([
      'store_split_folder.r00',
      'store_split_folder.r01',
      'store_split_folder.rar',
    ]);
    expect(hk.invalidLines).toEqual([]);
    const checks = await verifySfvEntries(`${vectors}rar4-winrar`, hk.entries);
    expect(checks.every((c) => c.status === 'ok')).toBe(true);
    const exact = parseSfv(await readFile(`${vectors}nfo-sfv/checksum.sfv`, 'utf8'));
    expect(exact.entries).toContainEqual({ name: 'Κείμενο στην ελληνική γλώσσα.txt', crc32: 0x663f4491 });
    expect(exact.entries).toHaveLength(4);
  });
});
