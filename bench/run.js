// npm run bench: packs a generated 1 GiB file into 50,000,000-byte RAR4 volumes with an SFV and
// reports ratios against baselines measured in the same run (medians of RUNS runs each):
//   relpack ÷ cp of the same file to the same disk         (target ≤ 1.25)
//   relpack ÷ (split -b 50000000 + cksfv)                   (target ≤ 0.8)
//   peak RSS of the relpack process, 1 GiB and 4 GiB sparse (target ≤ 200 MB)
// Each timing includes making the output durable (relpack fsyncs every volume before renaming;
// the baselines are followed by `sync` of their output), so all sides pay for the same disk writes.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(process.cwd(), '.bench-tmp');
const bin = join(process.cwd(), 'bin', 'relpack.js');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const GiB = 2 ** 30;
const source = join(dir, 'source.bin');
{
  const fd = openSync(source, 'w');
  const chunk = randomBytes(8 * 2 ** 20);
  for (let written = 0; written < GiB; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}
const sparse = join(dir, 'sparse.bin');
{
  const fd = openSync(sparse, 'w');
  ftruncateSync(fd, 4 * GiB + 4321);
  closeSync(fd);
}

function timed(fn) {
  execFileSync('sync');
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function runRelpack(input, out) {
  // /usr/bin/time -f %M reports the child's peak RSS in KiB.
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      bin,
      'rar',
      input,
      '-o',
      join(out, 'bench'),
      '-v',
      '50000000',
      '--sfv',
      '--no-progress',
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stderr.trim().split('\n').pop()) * 1024;
}

const results = { relpack: [], cp: [], splitCksfv: [], rss: [] };
for (let i = 0; i < RUNS; i++) {
  const out = join(dir, `out-${i}`);
  let rss = 0;
  results.relpack.push(
    timed(() => {
      rss = runRelpack(source, out);
    }),
  );
  results.rss.push(rss);
  rmSync(out, { recursive: true, force: true });

  const copy = join(dir, 'copy.bin');
  results.cp.push(
    timed(() => {
      execFileSync('cp', [source, copy]);
      execFileSync('sync', [copy]);
    }),
  );
  rmSync(copy, { force: true });

  const splitDir = join(dir, `split-${i}`);
  mkdirSync(splitDir);
  results.splitCksfv.push(
    timed(() => {
      execFileSync('split', ['-b', '50000000', source, join(splitDir, 'part.')]);
      execFileSync('sh', ['-c', `cd "${splitDir}" && cksfv part.* > set.sfv && sync .`]);
    }),
  );
  rmSync(splitDir, { recursive: true, force: true });
}
const sparseOut = join(dir, 'sparse-out');
const sparseRss = runRelpack(sparse, sparseOut);
rmSync(sparseOut, { recursive: true, force: true });

const relpack = median(results.relpack);
const cp = median(results.cp);
const splitCksfv = median(results.splitCksfv);
const mb = (bytes) => (bytes / 1e6).toFixed(0);
console.log(
  `relpack rar 1 GiB → 50,000,000-byte RAR4 volumes + SFV, median of ${RUNS} runs (durable writes)`,
);
console.log(
  `  relpack ${relpack.toFixed(2)} s | cp+sync ${cp.toFixed(2)} s | split+cksfv+sync ${splitCksfv.toFixed(2)} s`,
);
console.log(`  ratio relpack / cp            = ${(relpack / cp).toFixed(2)}  (target ≤ 1.25)`);
console.log(`  ratio relpack / split+cksfv   = ${(relpack / splitCksfv).toFixed(2)}  (target ≤ 0.80)`);
console.log(`  peak RSS 1 GiB input          = ${mb(Math.max(...results.rss))} MB  (target ≤ 200 MB)`);
console.log(`  peak RSS 4 GiB sparse input   = ${mb(sparseRss)} MB  (target ≤ 200 MB)`);
rmSync(dir, { recursive: true, force: true });
