// npm run bench: the CLI's start-up and `relpack rar`, as ratios against baselines measured in the
// same run (medians of RUNS runs each):
//   relpack --version / --help ÷ node -e 0                  (target ≤ 3)
//   relpack rar 1 GiB ÷ cp of the same file to the same disk (target ≤ 1.15)
//   relpack rar 1 GiB ÷ rerar (pyReScene), when on the PATH  (target ≤ 0.5)
//   relpack ÷ (split -b 50000000 + cksfv)                   (target ≤ 0.8)
//   relpack rar of 10,000 files of 4 KiB ÷ tar cf            (target ≤ 2)
//   peak RSS of relpack rar, 1 GiB and 4 GiB sparse          (target ≤ 64 MiB)
//   relpack pack tv of a 1 GiB MKV ÷ cp, and its peak RSS    (targets ≤ 1.3, ≤ 100 MiB; needs mkvmerge)
// Each timing includes making the output durable (relpack fsyncs every volume before renaming;
// the baselines are followed by `sync` of their output), so all sides pay for the same disk writes.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const dir = join(process.cwd(), '.bench-tmp');
const bin = join(process.cwd(), 'bin', 'relpack.js');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// pack opens a database: the bench's own, removed with the rest, not the user's.
process.env.RELPACK_DATA_DIR = join(dir, 'data');

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
/** The baseline: `cp` of `file` to the same disk, made durable with `sync`. */
function timedCopy(file) {
  const copy = join(dir, 'baseline-copy');
  const seconds = timed(() => {
    execFileSync('cp', [file, copy]);
    execFileSync('sync', [copy]);
  });
  rmSync(copy, { force: true });
  return seconds;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median wall time of `command args…` over `runs` runs, output discarded. */
function medianOf(runs, command, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

const STARTUP_RUNS = 15;
const nodeBare = medianOf(STARTUP_RUNS, process.execPath, ['-e', '0']);
const version = medianOf(STARTUP_RUNS, process.execPath, [bin, '--version']);
const help = medianOf(STARTUP_RUNS, process.execPath, [bin, '--help']);
console.log(`CLI start-up, median of ${STARTUP_RUNS} runs`);
console.log(
  `  node -e 0 ${(nodeBare * 1000).toFixed(0)} ms | relpack --version ${(version * 1000).toFixed(0)} ms | relpack --help ${(help * 1000).toFixed(0)} ms`,
);
console.log(`  ratio relpack --version / node = ${(version / nodeBare).toFixed(2)}  (target ≤ 3)`);
console.log(`  ratio relpack --help / node    = ${(help / nodeBare).toFixed(2)}  (target ≤ 3)`);

/** Runs `relpack args…` and returns its peak RSS in bytes (/usr/bin/time -f %M reports KiB). */
function relpackPeakRss(args) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stderr.trim().split('\n').pop()) * 1024;
}

function runRelpack(input, out) {
  return relpackPeakRss(['rar', input, '-o', join(out, 'bench'), '-v', '50000000', '--sfv', '--no-progress']);
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

  results.cp.push(timedCopy(source));

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
// rerar (pyReScene) is compared when it is installed; bench/ fetches nothing.
const rerar = spawnSync('sh', ['-c', 'command -v rerar'], { encoding: 'utf8' }).stdout.trim();
const rerarTimes = [];
if (rerar) {
  for (let i = 0; i < RUNS; i++) {
    const out = join(dir, `rerar-${i}`);
    mkdirSync(out);
    rerarTimes.push(
      timed(() => {
        execFileSync(rerar, ['-v', '50000000', '-o', join(out, 'bench.rar'), source], { stdio: 'ignore' });
        execFileSync('sync', [out]);
      }),
    );
    rmSync(out, { recursive: true, force: true });
  }
}

// Many small files: 10,000 of 4 KiB in 100 folders, one archive, against tar of the same tree.
const tree = join(dir, 'tree');
for (let d = 0; d < 100; d++) {
  mkdirSync(join(tree, `d${d}`), { recursive: true });
  for (let f = 0; f < 100; f++) writeFileSync(join(tree, `d${d}`, `f${f}.bin`), randomBytes(4096));
}
const small = { relpack: [], tar: [] };
for (let i = 0; i < RUNS; i++) {
  const out = join(dir, `small-${i}`);
  small.relpack.push(
    timed(() => {
      execFileSync(process.execPath, [bin, 'rar', tree, '-o', join(out, 'tree'), '--no-progress'], {
        stdio: 'ignore',
      });
      execFileSync('sync', [out]);
    }),
  );
  rmSync(out, { recursive: true, force: true });
  const tarFile = join(dir, 'tree.tar');
  small.tar.push(
    timed(() => {
      execFileSync('tar', ['cf', tarFile, '-C', dir, 'tree']);
      execFileSync('sync', [tarFile]);
    }),
  );
  rmSync(tarFile, { force: true });
}

const sparseOut = join(dir, 'sparse-out');
const sparseRss = runRelpack(sparse, sparseOut);
rmSync(sparseOut, { recursive: true, force: true });

const relpack = median(results.relpack);
const cp = median(results.cp);
const splitCksfv = median(results.splitCksfv);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
console.log(
  `relpack rar 1 GiB → 50,000,000-byte RAR4 volumes + SFV, median of ${RUNS} runs (durable writes)`,
);
console.log(
  `  relpack ${relpack.toFixed(2)} s | cp+sync ${cp.toFixed(2)} s | split+cksfv+sync ${splitCksfv.toFixed(2)} s`,
);
console.log(`  ratio relpack / cp            = ${(relpack / cp).toFixed(2)}  (target ≤ 1.15)`);
if (rerar) {
  const r = median(rerarTimes);
  console.log(
    `  ratio relpack / rerar         = ${(relpack / r).toFixed(2)}  (rerar ${r.toFixed(2)} s; target ≤ 0.50)`,
  );
} else console.log('  rerar (pyReScene) is not on the PATH: compared with cp only');
console.log(`  ratio relpack / split+cksfv   = ${(relpack / splitCksfv).toFixed(2)}  (target ≤ 0.80)`);
console.log(`  peak RSS 1 GiB input          = ${mib(Math.max(...results.rss))} MiB  (target ≤ 64 MiB)`);
console.log(`  peak RSS 4 GiB sparse input   = ${mib(sparseRss)} MiB  (target ≤ 64 MiB)`);
const smallRelpack = median(small.relpack);
const smallTar = median(small.tar);
console.log(`relpack rar of 10,000 files of 4 KiB, median of ${RUNS} runs`);
console.log(
  `  relpack ${smallRelpack.toFixed(2)} s | tar cf ${smallTar.toFixed(2)} s | ratio ${(smallRelpack / smallTar).toFixed(2)}  (target ≤ 2)`,
);

// pack tv of a 1 GiB episode: a real MKV made by mkvmerge from a VP8 IVF stream of random frames.
const mkvmerge = spawnSync('sh', ['-c', 'command -v mkvmerge'], { encoding: 'utf8' }).stdout.trim();
if (mkvmerge) {
  const episode = join(dir, 'episode.mkv');
  makeEpisode(episode, GiB);
  const pack = { relpack: [], cp: [], rss: [] };
  for (let i = 0; i < RUNS; i++) {
    const out = join(dir, `pack-${i}`);
    mkdirSync(out);
    let rss = 0;
    pack.relpack.push(
      timed(() => {
        const meta = ['-m', 'show=Bench Show', '-m', 'season=1', '-m', 'episode=1', '-m', 'format=HDTV'];
        rss = relpackPeakRss(['pack', 'tv', episode, '-g', 'BENCH', ...meta, '-o', out, '--no-progress']);
      }),
    );
    pack.rss.push(rss);
    rmSync(out, { recursive: true, force: true });
    pack.cp.push(timedCopy(episode));
  }
  const packTime = median(pack.relpack);
  const packCp = median(pack.cp);
  console.log(`relpack pack tv of a 1 GiB MKV (RAR4 volumes, SFV, NFO, validated), median of ${RUNS} runs`);
  console.log(
    `  relpack ${packTime.toFixed(2)} s | cp+sync ${packCp.toFixed(2)} s | ratio ${(packTime / packCp).toFixed(2)}  (target ≤ 1.3)`,
  );
  console.log(`  peak RSS                      = ${mib(Math.max(...pack.rss))} MiB  (target ≤ 100 MiB)`);
} else console.log('relpack pack tv: mkvmerge (mkvtoolnix) is not installed; skipped');

/** An MKV of about `bytes` bytes: 720p VP8 frame headers with random payload, muxed by mkvmerge. */
function makeEpisode(path, bytes) {
  const fps = 25;
  const frameBytes = 100_000;
  const frames = Math.ceil(bytes / frameBytes);
  const ivf = `${path}.ivf`;
  const fd = openSync(ivf, 'w');
  const head = Buffer.alloc(32);
  head.write('DKIF', 0);
  head.writeUInt16LE(32, 6);
  head.write('VP80', 8);
  head.writeUInt16LE(1280, 12);
  head.writeUInt16LE(720, 14);
  head.writeUInt32LE(fps, 16);
  head.writeUInt32LE(1, 20);
  head.writeUInt32LE(frames, 24);
  writeSync(fd, head);
  const random = randomBytes(frameBytes + 4096);
  for (let i = 0; i < frames; i++) {
    const key = i % fps === 0;
    const payload = Buffer.from(random.subarray(i % 4096, (i % 4096) + frameBytes));
    const tag = (key ? 0 : 1) | (1 << 4) | ((frameBytes - 10) << 5);
    payload[0] = tag & 0xff;
    payload[1] = (tag >> 8) & 0xff;
    payload[2] = (tag >> 16) & 0xff;
    if (key) {
      payload.set([0x9d, 0x01, 0x2a], 3);
      payload.writeUInt16LE(1280, 6);
      payload.writeUInt16LE(720, 8);
    }
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(payload.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(i), 4);
    writeSync(fd, frameHeader);
    writeSync(fd, payload);
  }
  closeSync(fd);
  execFileSync('mkvmerge', ['--quiet', '-o', path, ivf]);
  rmSync(ivf, { force: true });
}
rmSync(dir, { recursive: true, force: true });
