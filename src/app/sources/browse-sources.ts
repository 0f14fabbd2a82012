import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { CommonErrorCode, getProfile, RelpackError } from '../../engine/index.js';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';
import { defaultProfileId } from '../pack/check-pack-options.js';
import { confineToRoots } from './confine-path.js';

export const SourceEntrySchema = z
  .object({
    name: z.string(),
    path: z.string(),
    type: z.enum(['dir', 'file']),
    size: z.number().nullable(),
    modifiedAt: z.string(),
    /** For files: the release type the extension suggests (checked again by content when packed). */
    releaseType: ReleaseTypeSchema.nullable(),
  })
  .meta({ id: 'SourceEntry' });
export type SourceEntry = z.infer<typeof SourceEntrySchema>;

export const BrowseQuerySchema = z.object({ path: z.string().max(4096).optional() });
export const SourceListingSchema = z
  .object({ path: z.string().nullable(), entries: z.array(SourceEntrySchema) })
  .meta({ id: 'SourceListing' });

// The eBOOK profile's source types: everything else relpack packs is video.
const EBOOK = new Set(getProfile(defaultProfileId('ebook')).sourceExtensions.map((ext) => `.${ext}`));

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
