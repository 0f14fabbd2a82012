import type { ReleaseTextData } from '../text/index.js';
import type { PackCommonInput } from './pack-types.js';

/** The data NFO and DIZ templates see, from the pack input and the planned volumes. */
export function releaseTextData(
  input: PackCommonInput,
  planned: { type: 'ebook' | 'tv'; volumeCount: number; volumeSize: number; fileName: string },
): ReleaseTextData {
  const volumes = { count: planned.volumeCount, size: planned.volumeSize };
  return {
    ...input.facts,
    release: {
      name: input.releaseName,
      group: input.group,
      type: planned.type,
      profile: input.profile.id,
      date: input.date.toISOString().slice(0, 10),
      size: input.source.size,
      volumes,
      // eBOOK disks are the RAR volumes, one per ZIP.
      disks: planned.type === 'ebook' ? volumes : null,
      fileName: planned.fileName,
      notes: input.facts.notes ?? '',
    },
    tool: input.tool,
  };
}
