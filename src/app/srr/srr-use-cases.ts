import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { sourceErrorFromFs, writeFileAtomic } from '../../engine/fs/index.js';
import {
  createSrr,
  MAX_SRR_BYTES,
  parseSrr,
  rebuildFromSrr,
  SrrError,
  SrrErrorCode,
  type SrrFile,
  type SrrRebuildProgress,
  type SrrRebuildResult,
  srrTooLarge,
} from '../../engine/srr/index.js';
import type { AppContext } from '../context.js';
import { releaseParts } from './release-volumes.js';
import { type SrrSummary, summarizeSrr } from './srr-summary.js';

export interface CreateReleaseSrrInput {
  readonly releaseDir: string;
  /** Default: `<release-dir>.srr` beside the release folder (never inside it). */
  readonly output?: string;
}

export interface CreateReleaseSrrResult {
  readonly path: string;
  readonly size: number;
  readonly summary: SrrSummary;
}

/** `relpack srr create`: the ReScene .srr of a release folder, refusing to overwrite one. */
export async function createReleaseSrr(
  ctx: AppContext,
  input: CreateReleaseSrrInput,
): Promise<CreateReleaseSrrResult> {
  const releaseDir = resolve(input.releaseDir);
  const path = resolve(input.output ?? join(dirname(releaseDir), `${basename(releaseDir)}.srr`));
  const parts = await releaseParts(releaseDir);
  const bytes = await createSrr({ appName: `relpack ${ctx.version}`, ...parts });
  await writeFileAtomic(path, bytes);
  return { path, size: bytes.length, summary: summarizeSrr(parseSrr(bytes, path)) };
}

/** Reads an .srr from disk, refusing anything larger than an SRR can sensibly be before reading it. */
export async function readSrrFile(path: string): Promise<SrrFile> {
  const info = await stat(path).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  if (info.size > MAX_SRR_BYTES) throw srrTooLarge(path, info.size);
  return parseSrr(await readFile(path), path);
}

/** `relpack srr show`. */
export async function showSrr(path: string): Promise<SrrSummary> {
  return summarizeSrr(await readSrrFile(resolve(path)));
}

export interface RebuildSrrInput {
  readonly srr: string;
  /** The media file, or a folder holding the archived files under their archived names. */
  readonly source: string;
  readonly outputDir: string;
}

/** `relpack srr rebuild`: the volumes and stored files of an SRR, byte for byte, from the media. */
export async function rebuildSrr(
  input: RebuildSrrInput,
  hooks: { signal?: AbortSignal; onProgress?: (p: SrrRebuildProgress) => void } = {},
): Promise<SrrRebuildResult> {
  const srr = await readSrrFile(resolve(input.srr));
  const sources = await locateSources(srr, resolve(input.source));
  return rebuildFromSrr(srr, {
    sources,
    outputDir: resolve(input.outputDir),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
}

/**
 * Where each archived file is: a single file stands for the set's only file (renamed media are
 * common); a folder is searched for each archived path, then for its base name anywhere below.
 */
async function locateSources(srr: SrrFile, source: string): Promise<Map<string, string>> {
  const info = await stat(source).catch((error) => {
    throw sourceErrorFromFs(error, source);
  });
  const wanted = srr.files.filter((f) => !f.directory && f.size > 0);
  const found = new Map<string, string>();
  if (info.isFile()) {
    if (wanted.length > 1) {
      throw new SrrError(
        SrrErrorCode.SOURCE_MISSING,
        `The set holds ${wanted.length} files (${wanted.map((f) => f.name).join(', ')}); pass the folder that holds them`,
        { files: wanted.map((f) => f.name) },
      );
    }
    if (wanted[0]) found.set(wanted[0].name, source);
    return found;
  }
  const below = await listFiles(source);
  for (const file of wanted) {
    const exact = below.find((p) => relative(source, p).split(sep).join('/') === file.name);
    const byBase = below.filter((p) => basename(p) === basename(file.name));
    const path = exact ?? (byBase.length === 1 ? byBase[0] : undefined);
    if (path) found.set(file.name, path);
  }
  return found;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
