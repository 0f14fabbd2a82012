// Property-based fuzzing of every reader of untrusted bytes (issue #18): the RAR4 and RAR5 header
// readers, the ZIP reader, source detection (EPUB), the Matroska header reader, the SFV parser, the
// NFO decoder and the release-name parsers. Mutated
// real archives (flipped bytes, 32-bit extremes, runs of 0xFF for vints, cuts, appended junk) and
// random text; each must answer a result or a coded error, within a time budget, never crash.
// Fixed seed in CI, RELPACK_FUZZ_RUNS cases each (default 10,000); a longer run is documented in
// docs/security.md: RELPACK_FUZZ_RUNS=200000 RELPACK_FUZZ_SEED=<n> npx vitest run test/hostile/fuzz-readers.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import {
  decodeCp437,
  detectSourceType,
  getProfile,
  isRelpackError,
  overWidthLines,
  parseEbookName,
  parseEpisodeName,
  parseSfv,
  parseSrr,
  readMatroskaHeader,
  readRarVolume,
} from '../../src/engine/index.js';
import { readZipEntries } from '../../src/engine/zip/zip-reader.js';
import { makeEpub } from '../helpers/make-epub.js';
import { makeMkv } from '../helpers/make-mkv.js';
import { tempDir } from '../helpers/readers.js';
import { shouldRunWith } from '../helpers/tools.js';

const RUNS = Number(process.env.RELPACK_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.RELPACK_FUZZ_SEED ?? 0x5eed_18);
/** One case may take this long; a reader that loops or waits forever fails the run. */
const CASE_BUDGET_MS = 2_000;
const vectors = fileURLToPath(new URL('../fixtures/vectors/', import.meta.url));

const stats: Record<string, { cases: number; coded: number; ok: number; slowestMs: number }> = {};
afterAll(() => {
  for (const [reader, s] of Object.entries(stats)) {
    console.info(
      `fuzz ${reader}: ${s.cases} cases, ${s.ok} read, ${s.coded} refused with a code, 0 crashes, 0 hangs; slowest ${s.slowestMs.toFixed(1)} ms`,
    );
  }
});

function record(reader: string, outcome: 'ok' | 'coded', ms: number) {
  stats[reader] ??= { cases: 0, coded: 0, ok: 0, slowestMs: 0 };
  const s = stats[reader];
  s.cases++;
  s[outcome]++;
  s.slowestMs = Math.max(s.slowestMs, ms);
}

/** A damaged copy of `base`: overwritten bytes, extreme 32-bit values, 0xFF runs, a cut, junk after. */
function damaged(base: Buffer) {
  return fc
    .record({
      writes: fc.array(
        fc.record({ at: fc.nat({ max: base.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
        {
          maxLength: 6,
        },
      ),
      extreme: fc.option(
        fc.record({
          at: fc.nat({ max: Math.max(0, base.length - 8) }),
          value: fc.constantFrom(0xffffffff, 0x7fffffff, 0x80000000, 0, 0xfffffffe),
        }),
      ),
      ffRun: fc.option(
        fc.record({ at: fc.nat({ max: base.length - 1 }), length: fc.integer({ min: 1, max: 12 }) }),
      ),
      cut: fc.option(fc.nat({ max: base.length })),
      junk: fc.option(fc.uint8Array({ maxLength: 64 })),
    })
    .map((m) => {
      const out = Buffer.from(base);
      for (const w of m.writes) out[w.at] = w.value;
      if (m.extreme && m.extreme.at + 4 <= out.length) out.writeUInt32LE(m.extreme.value, m.extreme.at);
      if (m.ffRun) out.fill(0xff, m.ffRun.at, Math.min(out.length, m.ffRun.at + m.ffRun.length));
      const cut = m.cut === null ? out : out.subarray(0, m.cut);
      return m.junk ? Buffer.concat([cut, m.junk]) : cut;
    });
}

/** Runs `read` on each damaged file: a result or a coded error, within the budget. */
async function fuzzFile(
  reader: string,
  base: Buffer,
  name: string,
  read: (path: string) => Promise<unknown>,
  isExpected: (error: unknown) => boolean = isRelpackError,
) {
  const dir = await tempDir(`fuzz-${reader}`);
  const path = join(dir, name);
  await fc.assert(
    fc.asyncProperty(damaged(base), async (bytes) => {
      await writeFile(path, bytes);
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const budget = new Promise<'hang'>((resolve) => {
        timer = setTimeout(() => resolve('hang'), CASE_BUDGET_MS);
      });
      const outcome = await Promise.race([
        read(path).then(
          () => 'ok' as const,
          (error: unknown) => (isExpected(error) ? ('coded' as const) : error),
        ),
        budget,
      ]).finally(() => clearTimeout(timer));
      if (outcome === 'hang') throw new Error(`${reader} took over ${CASE_BUDGET_MS} ms`);
      if (outcome !== 'ok' && outcome !== 'coded') throw outcome;
      record(reader, outcome, performance.now() - started);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}

function sync<T>(reader: string, arbitrary: fc.Arbitrary<T>, run: (value: T) => void) {
  fc.assert(
    fc.property(arbitrary, (value) => {
      const started = performance.now();
      try {
        run(value);
        record(reader, 'ok', performance.now() - started);
      } catch (error) {
        if (!isRelpackError(error)) throw error;
        record(reader, 'coded', performance.now() - started);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
}

async function smallZip(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('FILE_ID.DIZ text\r\n'), 'file_id.diz', { compress: false });
  zip.addBuffer(Buffer.alloc(300, 7), 'rel.rar', { compress: true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('fuzzing the readers of untrusted bytes', () => {
  it('issue #18: the RAR4 header reader answers damaged volumes with a code', async () => {
    // A middle volume of a WinRAR set: main header, a split file header, data, end block.
    const base = await readFile(join(vectors, 'rar4-winrar', 'store_split_folder.r00'));
    await fuzzFile('rar4', base, 'x.r00', readRarVolume);
  });

  it('issue #18: the RAR5 header reader answers damaged volumes with a code', async () => {
    const base = await readFile(join(vectors, 'rar5-rarlab', 'test_read_format_rar5_stored_manyfiles.rar'));
    await fuzzFile('rar5', base, 'x.rar', readRarVolume);
  });

  it('issue #21: the SRR reader answers damaged .srr files with a code', async () => {
    // A real scene SRR: header, three stored files, 24 volumes of RAR 4 headers.
    const base = await readFile(
      join(vectors, 'srr', 'House.S06E12.720p.HDTV.x264-IMMERSE_rarfs_problem.srr'),
    );
    await fuzzFile('srr', base, 'x.srr', async (path) => parseSrr(await readFile(path), path));
  });

  it('issue #18: the ZIP reader answers damaged disks with an error, never a crash or a hang', async () => {
    // yauzl reports damage as plain Errors; the validator turns them into findings.
    await fuzzFile(
      'zip',
      await smallZip(),
      'x.zip',
      (path) => readZipEntries(path, () => true, 1 << 20),
      (error) => error instanceof Error,
    );
  });

  it('issue #18: source detection answers damaged EPUBs with a code', async () => {
    const path = join(await tempDir('fuzz-epub-base'), 'b.epub');
    await makeEpub(path, { title: 'Fuzz', author: 'Dee', date: '2018-01-01' });
    await fuzzFile('epub-detection', await readFile(path), 'x.epub', (p) => detectSourceType(p, ['epub']));
  });

  it.runIf(shouldRunWith('mkvmerge'))(
    'issue #18: the Matroska header reader answers damaged MKVs with a code',
    async () => {
      const path = join(await tempDir('fuzz-mkv-base'), 'e.mkv');
      makeMkv(path, { width: 640, height: 352, seconds: 2, frameBytes: 500 });
      // The header and the first cluster are what the reader looks at.
      const base = (await readFile(path)).subarray(0, 16_384);
      await fuzzFile('matroska', base, 'x.mkv', readMatroskaHeader);
    },
  );

  it('issue #18: the SFV parser reads any text', () => {
    sync('sfv', fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
      const parsed = parseSfv(text);
      expect(parsed.entries.length + parsed.comments.length + parsed.invalidLines.length).toBeLessThanOrEqual(
        text.length + 1,
      );
    });
  });

  it('issue #18: the NFO decoder and width check read any bytes', () => {
    sync('nfo', fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const text = decodeCp437(Buffer.from(bytes));
      expect(text.length).toBe(bytes.length);
      overWidthLines(text, 80);
    });
  });

  it('issue #18: the release-name parsers read any name', () => {
    const ebook = getProfile('ebook-2022');
    const tv = getProfile('tv-720p-2016');
    const nameChars = fc.constantFrom(...'ABCxyz019._-() ÄéЖ/\\\u0000'.split(''));
    const names = fc.oneof(
      fc.string({ unit: nameChars, maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('Show.Name.S01E02.720p.HDTV.x264-GRP', 'Author-Title-2020-RETAiL-ePUB-eBOOK-GRP'),
    );
    sync('names', names, (name) => {
      parseEbookName(ebook, name);
      parseEpisodeName(tv, name);
    });
  });
});
