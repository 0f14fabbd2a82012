import { access, constants, readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { sourceErrorFromFs } from '../../engine/fs/index.js';
import { fileTimeFromStats, type RarInputFile } from '../../engine/rar/index.js';

export interface ResolvedSource extends RarInputFile {
  readonly path: string;
}

/**
 * Turns command-line paths into archive entries, as `rar a -r` does: a file is stored under its
 * base name, a folder's files under `folder/relative/path`, in sorted order. Every source must
 * exist and be readable before any output is written.
 */
export async function resolveSources(paths: readonly string[]): Promise<ResolvedSource[]> {
  const out: ResolvedSource[] = [];
  for (const raw of paths) {
    const path = resolve(raw);
    const stats = await stat(path, { bigint: true }).catch((error) => {
      throw sourceErrorFromFs(error, raw);
    });
    if (stats.isDirectory()) await collectDirectory(path, basename(path), out);
    else await pushFile(path, basename(path), out);
  }
  return out;
}

async function collectDirectory(dir: string, prefix: string, out: ResolvedSource[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error) => {
    throw sourceErrorFromFs(error, dir);
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await collectDirectory(path, `${prefix}/${entry.name}`, out);
    else if (entry.isFile()) await pushFile(path, `${prefix}/${entry.name}`, out);
  }
}

async function pushFile(path: string, name: string, out: ResolvedSource[]): Promise<void> {
  const stats = await stat(path, { bigint: true }).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  await access(path, constants.R_OK).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  if (!stats.isFile())
    throw sourceErrorFromFs(Object.assign(new Error('not a regular file'), { code: 'EINVAL' }), path);
  out.push({
    // Links resolved now, so the writer can refuse one swapped in later (it opens with O_NOFOLLOW).
    path: await realpath(path),
    name,
    size: Number(stats.size),
    mtime: fileTimeFromStats(stats),
    mode: Number(stats.mode),
  });
}
