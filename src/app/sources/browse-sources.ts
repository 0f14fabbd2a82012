import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CommonErrorCode, RelpackError } from '../../engine/index.js';
import { confineToRoots } from './confine-path.js';

export interface SourceEntry {
  readonly name: string;
  readonly path: string;
  readonly type: 'dir' | 'file';
  readonly size: number | null;
  readonly modifiedAt: string;
  /** For files: the release type the extension suggests (checked again by content when packed). */
  readonly releaseType: 'ebook' | 'tv' | null;
}

const EBOOK = new Set(['.epub', '.pdf', '.cbz', '.mobi', '.azw', '.azw3', '.kf8', '.prc']);

/** One directory inside the roots (or the roots themselves), directories first, hidden names skipped. */
export async function browseSources(
  roots: readonly string[],
  path?: string,
): Promise<{ path: string | null; entries: SourceEntry[] }> {
  if (!path) {
    const entries: SourceEntry[] = [];
    for (const root of roots) {
      const info = await stat(root).catch(() => null);
      if (info?.isDirectory()) {
        entries.push({
          name: root,
          path: root,
          type: 'dir',
          size: null,
          modifiedAt: info.mtime.toISOString(),
          releaseType: null,
        });
      }
    }
    return { path: null, entries };
  }
  const dir = await confineToRoots(path, roots);
  if (!(await stat(dir)).isDirectory()) {
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      `${path} is a file, not a folder: browse the folder it is in`,
      {
        path,
      },
    );
  }
  const entries: SourceEntry[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const info = await stat(full).catch(() => null);
    if (!info) continue;
    const ext = extname(entry.name).toLowerCase();
    entries.push({
      name: entry.name,
      path: full,
      type: info.isDirectory() ? 'dir' : 'file',
      size: info.isDirectory() ? null : info.size,
      modifiedAt: info.mtime.toISOString(),
      releaseType: info.isDirectory() ? null : EBOOK.has(ext) ? 'ebook' : ext === '.mkv' ? 'tv' : null,
    });
  }
  entries.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
  return { path: dir, entries };
}
