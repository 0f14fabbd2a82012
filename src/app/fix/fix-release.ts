import { readdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import {
  type FixPackResult,
  getProfile,
  PackError,
  PackErrorCode,
  packFix,
  sourceErrorFromFs,
  volumeIndexFromName,
} from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { guessProfile } from '../validate-release-dir.js';

export interface FixReleaseInput {
  readonly kind: 'nfo' | 'dir';
  readonly releaseDir: string;
  /** The NFO: Liquid (or plain text), rendered with release.name, .fixes, .fix, .group, .date. */
  readonly nfoTemplate?: string;
  /** DIRFIX: the dirname the release should have had. */
  readonly correctName?: string;
  /** Where the fix release goes; default: beside the release it fixes. */
  readonly outputDir?: string;
  readonly profile?: string;
  readonly time?: Date;
}

/** What a DIRFIX says when no NFO is given: the wrong dirname, and the right one. */
export const DEFAULT_DIRFIX_NFO = `{{ release.name }}

{{ release.fix }} for {{ release.fixes }}:
that release went up under a wrong dirname; this is its correct name.

Date: {{ release.date }}
{{ tool.name }} {{ tool.version }}
`;

/**
 * `relpack fix nfo|dir`: the NFOFIX or DIRFIX release of a release folder, named by the profile's
 * rules, holding one NFO that names the release it fixes, validated before it is published.
 */
export async function fixRelease(ctx: AppContext, input: FixReleaseInput): Promise<FixPackResult> {
  const releaseDir = resolve(input.releaseDir);
  await assertIsRelease(releaseDir);
  const profile = input.profile ? getProfile(input.profile) : await guessProfile(releaseDir);
  const nfoTemplate = input.nfoTemplate ?? (input.kind === 'dir' ? DEFAULT_DIRFIX_NFO : undefined);
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
  return packFix({
    profile,
    kind: input.kind,
    originalName: basename(releaseDir),
    ...(input.correctName ? { correctName: input.correctName } : {}),
    nfoTemplate,
    outputDir: resolve(input.outputDir ?? dirname(releaseDir)),
    date: input.time ?? ctx.clock(),
    tool: { name: 'relpack', version: ctx.version },
  });
}

/** A fix needs a release: a folder with a RAR set or ZIP disks in it. */
async function assertIsRelease(dir: string): Promise<void> {
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
