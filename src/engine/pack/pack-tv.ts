import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32, formatSfv } from '../checksum/index.js';
import { writeFileAtomic } from '../fs/atomic-file.js';
import { writeRarVolumes } from '../rar/index.js';
import { finishRelease } from './finish-release.js';
import { manifestEntry, manifestEntryOfFile } from './manifest.js';
import type { ManifestFile, PackHooks, PackResult } from './pack-types.js';
import { planTvRelease, type TvPackInput, type TvPlan } from './plan-tv.js';
import { cutSample } from './sample.js';
import { archiveProgress, inStaging } from './staged-pack.js';

/** MKV → RAR4 old-style volumes → `.sfv` from the volume CRCs → `.nfo` → `Sample/` → validation → publish. */
export async function packTv(
  input: TvPackInput,
  hooks: PackHooks = {},
): Promise<PackResult & { plan: TvPlan }> {
  const plan = await planTvRelease(input);
  return inStaging(plan.releaseDir, hooks, async (staging) => {
    const written = await writeRarVolumes(plan.rar, {
      sources: [input.source.path],
      outputDir: staging.path,
      durable: hooks.durable !== false,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onProgress: archiveProgress(hooks),
    });
    const files: ManifestFile[] = written.volumes.map((v) =>
      manifestEntry('rar', v.fileName, v.size, v.crc32),
    );
    hooks.onProgress?.({ phase: 'text', bytesDone: 0, bytesTotal: 0 });
    const sfv = formatSfv(
      written.volumes.map((v) => ({ name: v.fileName, crc32: v.crc32 })),
      { generator: `${input.tool.name} ${input.tool.version}`, date: input.date },
    );
    const durable = { durable: hooks.durable !== false };
    await writeFileAtomic(join(staging.path, plan.sfvName), sfv, durable);
    files.push(manifestEntry('sfv', plan.sfvName, Buffer.byteLength(sfv), crc32(Buffer.from(sfv))));
    await writeFileAtomic(join(staging.path, plan.nfo.fileName), plan.nfo.rendered.bytes, durable);
    files.push(
      manifestEntry('nfo', plan.nfo.fileName, plan.nfo.rendered.bytes.length, crc32(plan.nfo.rendered.bytes)),
    );
    if (plan.sample) {
      hooks.onProgress?.({ phase: 'sample', bytesDone: 0, bytesTotal: 0, currentFile: plan.sample.path });
      const target = join(staging.path, plan.sample.path);
      await mkdir(dirname(target), { recursive: true });
      await cutSample(input.source.path, target, plan.sample.cut, {
        seed: crc32(Buffer.from(`${plan.releaseName} ${input.date.toISOString()}`)),
        ...(input.sample?.mkvmerge ? { mkvmerge: input.sample.mkvmerge } : {}),
        ...(hooks.signal ? { signal: hooks.signal } : {}),
      });
      files.push(await manifestEntryOfFile('sample', plan.sample.path, target));
    }
    return { ...(await finishRelease(input, plan, staging, files, hooks)), plan };
  });
}
