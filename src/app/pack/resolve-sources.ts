import {
  accessSync,
  type BigIntStats,
  constants,
  type Dirent,
  readdirSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { sourceErrorFromFs, TimeSlice } from '../../engine/fs/index.js';
import { fileTimeFromStats, type RarInputFile } from '../../engine/rar/index.js';
import { RelpackError } from '../../errors/index.js';

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
    if (stats.isDirectory()) await collectDirectory(path, basename(path), out, new TimeSlice());
    else await pushFile(path, basename(path), out);
  }
  return out;
}

async function collectDirectory(
  dir: string,
  prefix: string,
  out: ResolvedSource[],
  slice: TimeSlice,
): Promise<void> {
  // Plain system calls, as for the files below: a folder costs two, not two thread-pool trips.
  let entries: Dirent[];
  let realDir: string;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
    // Entries that are files (not links) live in the folder itself: its real path serves them all.
    realDir = realpathSync(dir);
  } catch (error) {
    throw sourceErrorFromFs(error, dir);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await collectDirectory(path, `${prefix}/${entry.name}`, out, slice);
    else if (entry.isFile()) {
      // A folder's files are looked at with plain system calls (stat, access: ~10 µs where the
      // thread pool takes ~100), in slices of a few milliseconds so the event loop still turns.
      out.push(lookUpSync(path, `${prefix}/${entry.name}`, join(realDir, entry.name)));
      await slice.yieldIfSpent();
    }
  }
}

async function pushFile(path: string, name: string, out: ResolvedSource[]): Promise<void> {
  out.push(await lookUp(path, name));
}

async function lookUp(path: string, name: string): Promise<ResolvedSource> {
  const stats = await stat(path, { bigint: true }).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  await access(path, constants.R_OK).catch((error) => {
    throw sourceErrorFromFs(error, path);
  });
  return entryOf(path, name, stats, await realpath(path));
}

function lookUpSync(path: string, name: string, real: string): ResolvedSource {
  try {
    const stats = statSync(path, { bigint: true });
    accessSync(path, constants.R_OK);
    return entryOf(path, name, stats, real);
  } catch (error) {
    if (error instanceof RelpackError) throw error;
    throw sourceErrorFromFs(error, path);
  }
}

function entryOf(path: string, name: string, stats: BigIntStats, real: string): ResolvedSource {
  if (!stats.isFile())
    throw sourceErrorFromFs(Object.assign(new Error('not a regular file'), { code: 'EINVAL' }), path);
  return {
    // Links resolved now, so the writer can refuse one swapped in later (it opens with O_NOFOLLOW).
    path: real,
    name,
    size: Number(stats.size),
    mtime: fileTimeFromStats(stats),
    mode: Number(stats.mode),
  };
}
