import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatSfv } from '../../engine/checksum/index.js';
import { writeFileAtomic } from '../../engine/fs/index.js';
import {
  planRarVolumes,
  type RarFormat,
  type RarHostOs,
  type RarVolumePlan,
  type RarWriteProgress,
  type VolumeNaming,
  writeRarVolumes,
} from '../../engine/rar/index.js';
import { RelpackError } from '../../errors/index.js';
import type { AppContext } from '../context.js';
import { resolveSources } from '../pack/resolve-sources.js';

export interface CreateRarSetInput {
  readonly sources: readonly string[];
  /** `dir/basename`: volumes become `dir/basename.rar`, `.r00`, … or `.partN.rar`. */
  readonly output: string;
  readonly volumeSize?: number;
  readonly format: RarFormat;
  readonly naming: VolumeNaming;
  readonly sfv: boolean;
  readonly hostOs?: RarHostOs;
  /** Plan only: report the volumes without writing anything. */
  readonly dryRun?: boolean;
  /** Remove the `.tmp-*` leftovers of an interrupted run when they are all the folder holds. */
  readonly cleanPartial?: boolean;
  /** The SFV's time (file times stay the sources'); default now. */
  readonly time?: Date;
}

export interface CreateRarSetResult {
  readonly format: RarFormat;
  readonly naming: VolumeNaming;
  readonly volumeSize: number | null;
  readonly outputDir: string;
  readonly volumes: readonly { name: string; size: number; crc32: string | null }[];
  readonly files: readonly { name: string; size: number; crc32: string | null }[];
  readonly sfv: { name: string } | null;
  readonly totalSize: number;
  readonly dryRun: boolean;
}

/**
 * The `rar a -m0 -v<size>b` of relpack: store-mode volumes plus an optional SFV, written so that
 * nothing appears under a final name unless the whole set is complete.
 */
export async function createRarSet(
  ctx: AppContext,
  input: CreateRarSetInput,
  hooks: { signal?: AbortSignal; onProgress?: (p: RarWriteProgress) => void } = {},
): Promise<CreateRarSetResult> {
  const output = resolve(input.output);
  const outputDir = dirname(output);
  const baseName = basename(output);
  if (baseName === '' || baseName === '.' || baseName === '..') {
    throw new RelpackError('INVALID_ARGUMENT', 'Output must be a directory and a base name, e.g. out/set', {
      output: input.output,
    });
  }
  const sources = await resolveSources(input.sources);
  const plan = planRarVolumes({
    files: sources,
    format: input.format,
    naming: input.naming,
    baseName,
    ...(input.volumeSize === undefined ? {} : { volumeSize: input.volumeSize }),
    ...(input.hostOs === undefined ? {} : { hostOs: input.hostOs }),
  });
  const sfvName = `${baseName}.sfv`;
  if (input.dryRun) return summarize(plan, outputDir, null, input.sfv ? sfvName : null, true);
  await assertEmptyOutputDir(outputDir, input.cleanPartial ?? false);
  const written = await writeRarVolumes(plan, {
    sources: sources.map((s) => s.path),
    outputDir,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  const crcs = written.volumes.map((v) => v.crc32);
  if (input.sfv) {
    const text = formatSfv(
      written.volumes.map((v) => ({ name: v.fileName, crc32: v.crc32 })),
      { generator: `relpack ${ctx.version}`, date: input.time ?? ctx.clock() },
    );
    try {
      await writeFileAtomic(join(outputDir, sfvName), text);
    } catch (error) {
      await Promise.all(written.volumes.map((v) => rm(v.path, { force: true })));
      throw error;
    }
  }
  return summarize(
    plan,
    outputDir,
    { volumes: crcs, files: written.files.map((f) => f.crc32) },
    input.sfv ? sfvName : null,
    false,
  );
}

/** What writeRarVolumes and the SFV writer leave when a run is killed: `<name>.tmp-<12 hex>`. */
const LEFTOVER = /\.tmp-[0-9a-f]{12}$/;

async function assertEmptyOutputDir(dir: string, cleanPartial: boolean): Promise<void> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new RelpackError('OUTPUT_UNWRITABLE', `Cannot read output directory ${dir}: ${error.code}`, {
      path: dir,
    });
  });
  if (entries === null) {
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new RelpackError('OUTPUT_UNWRITABLE', `Cannot create output directory ${dir}: ${error.code}`, {
        path: dir,
      });
    });
    return;
  }
  const leftovers = entries.filter((e) => LEFTOVER.test(e));
  if (entries.length > 0 && leftovers.length === entries.length) {
    if (cleanPartial) {
      await Promise.all(leftovers.map((e) => rm(join(dir, e), { force: true })));
      return;
    }
    throw new RelpackError(
      'OUTPUT_NOT_EMPTY',
      `Output directory ${dir} holds only ${leftovers.length} leftover(s) of an interrupted relpack run (*.tmp-*); run again with --clean-partial to remove them`,
      { path: dir, entries: entries.length, leftovers },
    );
  }
  if (entries.length > 0) {
    throw new RelpackError(
      'OUTPUT_NOT_EMPTY',
      `Output directory ${dir} is not empty; choose an empty or new directory so the set cannot mix with other files`,
      { path: dir, entries: entries.length },
    );
  }
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

function summarize(
  plan: RarVolumePlan,
  outputDir: string,
  crcs: { volumes: number[]; files: number[] } | null,
  sfvName: string | null,
  dryRun: boolean,
): CreateRarSetResult {
  return {
    format: plan.format,
    naming: plan.naming,
    volumeSize: plan.volumeSize,
    outputDir,
    volumes: plan.volumes.map((v, i) => ({
      name: v.fileName,
      size: v.size,
      crc32: crcs ? hex(crcs.volumes[i]!) : null,
    })),
    files: plan.files.map((f, i) => ({
      name: f.name,
      size: f.size,
      crc32: crcs ? hex(crcs.files[i]!) : null,
    })),
    sfv: sfvName ? { name: sfvName } : null,
    totalSize: plan.totalSize,
    dryRun,
  };
}
