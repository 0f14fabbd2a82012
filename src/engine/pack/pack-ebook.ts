import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from '../checksum/index.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { writeRarVolumes } from '../rar/index.js';
import { writeZipDisk } from '../zip/index.js';
import { finishRelease } from './finish-release.js';
import { manifestEntry } from './manifest.js';
import type { ManifestFile, PackHooks, PackResult } from './pack-types.js';
import { type EbookPackInput, type EbookPlan, planEbookRelease } from './plan-ebook.js';
import { archiveProgress, inStaging } from './staged-pack.js';

/**
 * Source → RAR volumes (in a scratch folder) → one 8.3 ZIP per volume with the volume, its
 * `file_id.diz` and the `.nfo` → the `.nfo` beside the disks → validation → publish.
 */
export async function packEbook(
  input: EbookPackInput,
  hooks: PackHooks = {},
): Promise<PackResult & { plan: EbookPlan }> {
  const plan = await planEbookRelease(input);
  return inStaging(plan.releaseDir, hooks, async (staging) => {
    const scratch = join(staging.path, '.volumes');
    await mkdir(scratch);
    const total = plan.rar.totalSize;
    const written = await writeRarVolumes(plan.rar, {
      sources: [input.source.path],
      outputDir: scratch,
      durable: false, // scratch volumes are read straight back into the ZIPs and then deleted
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onProgress: archiveProgress(hooks),
    });
    const files: ManifestFile[] = [];
    let zipped = 0;
    for (const disk of plan.disks) {
      hooks.signal?.throwIfAborted();
      const volume = written.volumes[disk.index]!;
      hooks.onProgress?.({
        phase: 'disks',
        bytesDone: zipped,
        bytesTotal: total,
        volumeIndex: disk.index,
        volumeCount: plan.disks.length,
        currentFile: disk.zipName,
      });
      const zip = await writeZipDisk({
        path: join(staging.path, disk.zipName),
        entries: [
          // The RAR writer took the volume's CRC on the way out: the disk's headers need it first.
          { name: disk.volumeName, source: { path: volume.path, crc32: volume.crc32 } },
          { name: disk.diz.fileName, source: { data: disk.diz.rendered.bytes } },
          { name: plan.nfo.fileName, source: { data: plan.nfo.rendered.bytes } },
        ],
        mtime: input.date,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
      });
      zipped += volume.size;
      files.push(manifestEntry('zip', disk.zipName, zip.size, zip.crc32));
    }
    await rm(scratch, { recursive: true, force: true });
    await writeFileAtomic(join(staging.path, plan.nfo.fileName), plan.nfo.rendered.bytes, {
      durable: hooks.durable !== false,
    });
    files.push(
      manifestEntry('nfo', plan.nfo.fileName, plan.nfo.rendered.bytes.length, crc32(plan.nfo.rendered.bytes)),
    );
    return { ...(await finishRelease(input, plan, staging, files, hooks)), plan };
  });
}
