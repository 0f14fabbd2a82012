import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  extractStoredFile,
  type FixPackInput,
  type FixPackResult,
  type FixPlan,
  fixTag,
  getProfile,
  PackError,
  PackErrorCode,
  type PackHooks,
  packFix,
  planFix,
  readMatroskaHeader,
  readRarVolume,
  sourceErrorFromFs,
  volumeIndexFromName,
} from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { guessProfile } from '../validate-release-dir.js';

export interface FixReleaseInput {
  readonly kind: 'nfo' | 'dir' | 'sample';
  readonly releaseDir: string;
  /** The NFO: Liquid (or plain text), rendered with release.name, .fixes, .fix, .group, .date. */
  readonly nfoTemplate?: string;
  /** DIRFIX: the dirname the release should have had. */
  readonly correctName?: string;
  /** Where the fix release goes; default: beside the release it fixes. */
  readonly outputDir?: string;
  readonly profile?: string;
  readonly time?: Date;
  /** SAMPLEFIX: the episode to cut from; default: the one the release's RAR set holds. */
  readonly source?: string;
}

/** What a DIRFIX says when no NFO is given: the wrong dirname, and the right one. */
export const DEFAULT_DIRFIX_NFO = `{{ release.name }}

{{ release.fix }} for {{ release.fixes }}:
that release went up under a wrong dirname; this is its correct name.

Date: {{ release.date }}
{{ tool.name }} {{ tool.version }}
`;

/** The engine's fix input for a release folder: its profile, the NFO template, the output. */
async function fixInput(ctx: AppContext, input: FixReleaseInput): Promise<FixPackInput> {
  const releaseDir = resolve(input.releaseDir);
  await assertIsRelease(releaseDir);
  const profile = input.profile ? getProfile(input.profile) : await guessProfile(releaseDir);
  const nfoTemplate = input.nfoTemplate ?? DEFAULT_NFO[input.kind];
  if (nfoTemplate === undefined) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      'An NFOFIX is its new NFO: pass it with --nfo <file>',
      {},
    );
  }
  if (input.kind === 'dir' && !input.correctName) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      'A DIRFIX needs the correct dirname: pass --name <name>',
      {},
    );
  }
  return {
    profile,
    kind: input.kind,
    originalName: basename(releaseDir),
    ...(input.correctName ? { correctName: input.correctName } : {}),
    nfoTemplate,
    outputDir: resolve(input.outputDir ?? dirname(releaseDir)),
    date: input.time ?? ctx.clock(),
    tool: { name: 'relpack', version: ctx.version },
  };
}

/** The fix release's name, NFO and name findings, without writing anything (the web's preview). */
export async function previewFix(ctx: AppContext, input: FixReleaseInput): Promise<FixPlan> {
  const base = await fixInput(ctx, input);
  if (input.kind === 'sample' && fixTag(base.profile, 'sample') === null) throw noSampleFix(base.profile.id);
  return planFix(base);
}

/**
 * `relpack fix nfo|dir|sample`: the NFOFIX, DIRFIX or SAMPLEFIX release of a release folder,
 * named by the profile's rules, holding one NFO that names the release it fixes (a SAMPLEFIX
 * also the new sample), validated before it is published.
 */
export async function fixRelease(
  ctx: AppContext,
  input: FixReleaseInput,
  hooks: PackHooks = {},
): Promise<FixPackResult> {
  const base = await fixInput(ctx, input);
  const { profile, outputDir } = base;
  const fix = (sample?: { source: string; durationSeconds: number }) =>
    packFix({ ...base, ...(sample ? { sample } : {}) }, hooks);
  if (input.kind !== 'sample') return fix();
  if (fixTag(profile, 'sample') === null) throw noSampleFix(profile.id);
  if (input.source) return fix(await sampleSource(resolve(input.source)));
  // The episode out of the release's own store-mode set, beside the output (same file system).
  await mkdir(outputDir, { recursive: true });
  const scratch = await mkdtemp(join(outputDir, '.relpack-samplefix-'));
  try {
    const episode = await episodeOfRelease(resolve(input.releaseDir), scratch);
    return await fix(await sampleSource(episode));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function noSampleFix(profile: string): PackError {
  return new PackError(
    PackErrorCode.RULE_VIOLATION,
    `${profile} has no SAMPLEFIX tag: its releases carry no sample`,
    { profile },
  );
}

const SAMPLEFIX_NFO = `{{ release.name }}

{{ release.fix }} for {{ release.fixes }}:
a new sample, cut from the release's episode.

Date: {{ release.date }}
{{ tool.name }} {{ tool.version }}
`;

const DEFAULT_NFO: Readonly<Record<FixReleaseInput['kind'], string | undefined>> = {
  nfo: undefined,
  dir: DEFAULT_DIRFIX_NFO,
  sample: SAMPLEFIX_NFO,
};

async function sampleSource(path: string): Promise<{ source: string; durationSeconds: number }> {
  const header = (await readMatroskaHeader(path)).fields;
  if (header.durationSeconds === null) {
    throw new PackError(PackErrorCode.SOURCE_TOO_SHORT_FOR_SAMPLE, `${path} does not state its duration`, {
      path,
    });
  }
  return { source: path, durationSeconds: header.durationSeconds };
}

/** The one .mkv of the release's RAR set, copied out to `scratch`. */
export async function episodeOfRelease(releaseDir: string, scratch: string): Promise<string> {
  const entries = await readdir(releaseDir);
  const first = entries.find((e) => volumeIndexFromName(e)?.index === 0);
  const info = first ? await readRarVolume(join(releaseDir, first)) : null;
  const episode = info?.files.find((f) => f.name.toLowerCase().endsWith('.mkv'));
  if (!first || !episode) {
    throw new PackError(
      PackErrorCode.NOT_A_RELEASE_DIRECTORY,
      `${releaseDir} holds no RAR set with an .mkv; pass the episode with --source`,
      { path: releaseDir },
    );
  }
  const target = join(scratch, basename(episode.name));
  await extractStoredFile(join(releaseDir, first), episode.name, target);
  return target;
}

/** A fix needs a release: a folder with a RAR set or ZIP disks in it. */
export async function assertIsRelease(dir: string): Promise<void> {
  const entries = await readdir(dir).catch((error) => {
    throw sourceErrorFromFs(error, dir);
  });
  const isRelease = entries.some((e) => volumeIndexFromName(e) !== null || e.toLowerCase().endsWith('.zip'));
  if (!isRelease) {
    throw new PackError(
      PackErrorCode.NOT_A_RELEASE_DIRECTORY,
      `${dir} holds no RAR volumes or ZIP disks; a fix is made for a release folder`,
      { path: dir },
    );
  }
}
