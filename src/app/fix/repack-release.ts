import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CommonErrorCode,
  getProfile,
  PackError,
  PackErrorCode,
  type PackHooks,
  parseEpisodeName,
  profileTag,
  RelpackError,
  type RuleProfile,
  withTag,
} from '../../engine/index.js';
import type { AppContext } from '../context.js';
import { type PackReleaseResult, packRelease } from '../pack/pack-release.js';
import { guessProfile } from '../validate-release-dir.js';
import { assertIsRelease, episodeOfRelease } from './fix-release.js';

export interface RepackInput {
  readonly releaseDir: string;
  /** A PROPER (another group's release that broke the rules) instead of a REPACK (your own). */
  readonly proper?: boolean;
  /** Why; required for a PROPER, written in the NFO either way. */
  readonly reason?: string;
  /** The group packing it: a REPACK's is the original's (the default); a PROPER's is another. */
  readonly group?: string;
  /** The media; default for TV: the episode the release's RAR set holds. */
  readonly source?: string;
  readonly outputDir?: string;
  readonly profile?: string;
  readonly volumeSize?: number;
  readonly time?: Date;
}

export interface RepackResult extends PackReleaseResult {
  /** The release this one replaces. */
  readonly replaces: string;
  /** What the rules advise against but do not forbid (a PROPER inside the 24 h after the pre). */
  readonly warnings: readonly string[];
}

/** Packing-related propers by other groups wait this long after the pre (facts §1.7). */
export const PROPER_WAIT_MS = 24 * 3600 * 1000;

/** What a REPACK or PROPER will be, before anything is packed (the web's preview). */
export interface RepackPlan {
  readonly profile: string;
  readonly releaseName: string;
  readonly replaces: string;
  /** REPACK or PROPER, as the profile spells it. */
  readonly tag: string;
  readonly group: string;
  /** The line the NFO's notes carry: `REPACK of <original>: <reason>`. */
  readonly notes: string;
  readonly warnings: readonly string[];
}

/**
 * Checks a REPACK (the same group) or PROPER (another group, with a reason) of a release folder
 * and names it. `preTime` is when the original went up; default: its oldest file's time.
 */
export async function planRepack(
  ctx: AppContext,
  input: RepackInput & { readonly preTime?: Date },
): Promise<RepackPlan & { readonly ruleProfile: RuleProfile; readonly time: Date }> {
  const releaseDir = resolve(input.releaseDir);
  await assertIsRelease(releaseDir);
  const profile = input.profile ? getProfile(input.profile) : await guessProfile(releaseDir);
  const original = basename(releaseDir);
  const dash = original.lastIndexOf('-');
  const originalGroup = original.slice(dash + 1);
  const group = input.group ?? originalGroup;
  const reason = input.reason?.trim() ?? '';
  const word = input.proper ? 'PROPER' : 'REPACK';
  const tag = profileTag(profile, word);
  if (tag === null) {
    throw new PackError(PackErrorCode.RULE_VIOLATION, `${profile.id} has no ${word} tag`, {
      profile: profile.id,
    });
  }
  if (input.proper && reason === '') {
    throw usage('A PROPER must say why the original broke the rules: pass --reason "…" (it goes in the NFO)');
  }
  const sameGroup = group.toLowerCase() === originalGroup.toLowerCase();
  if (!input.proper && !sameGroup) {
    throw usage(
      `A REPACK is ${originalGroup}'s own corrected release; for another group's, make a PROPER (--proper --reason)`,
    );
  }
  if (input.proper && sameGroup) {
    throw usage(`A PROPER fixes another group's release; for ${originalGroup}'s own, make a REPACK`);
  }
  const time = input.time ?? ctx.clock();
  const warnings: string[] = [];
  const pre = input.preTime ?? (await releaseTime(releaseDir));
  if (input.proper && time.getTime() - pre.getTime() < PROPER_WAIT_MS) {
    const hours = Math.max(0, (time.getTime() - pre.getTime()) / 3600_000);
    warnings.push(
      `${original} is ${hours.toFixed(1)} h old: packing-related propers by other groups wait 24 h after the pre (facts §1.7)`,
    );
  }
  return {
    profile: profile.id,
    ruleProfile: profile,
    releaseName: withTag(profile, `${original.slice(0, dash)}-${group}`, tag),
    replaces: original,
    tag,
    group,
    notes: `${tag} of ${original}${reason ? `: ${reason}` : ''}`,
    warnings,
    time,
  };
}

/**
 * `relpack repack`: the release packed again from its media, under its name with REPACK (the
 * same group) or PROPER (another group, with a reason), the NFO naming the release it replaces.
 */
export async function repackRelease(
  ctx: AppContext,
  input: RepackInput & { readonly preTime?: Date },
  hooks: PackHooks = {},
): Promise<RepackResult> {
  const plan = await planRepack(ctx, input);
  const { ruleProfile: profile, releaseName, group, time } = plan;
  const releaseDir = resolve(input.releaseDir);
  const outputDir = resolve(input.outputDir ?? dirname(releaseDir));
  const sampleDir = profile.packaging.sample?.dir;
  const hadSample = sampleDir !== undefined && (await readdir(releaseDir)).includes(sampleDir);
  const pack = (source: string) =>
    packRelease(
      ctx,
      {
        type: profile.releaseType,
        source,
        group,
        outputDir,
        profile: profile.id,
        name: releaseName,
        meta: { ...nameFacts(profile, plan.replaces), notes: plan.notes },
        time,
        ...(input.volumeSize === undefined ? {} : { volumeSize: input.volumeSize }),
        // Cut again when the original carried one (the rules want one; the original's group decided).
        ...(hadSample ? { sample: true } : {}),
      },
      hooks,
    );
  let result: PackReleaseResult;
  if (input.source) result = await pack(resolve(input.source));
  else if (profile.releaseType !== 'tv') {
    throw usage('An eBOOK repack needs the book: pass --source <file>');
  } else {
    await mkdir(outputDir, { recursive: true });
    const scratch = await mkdtemp(join(outputDir, '.relpack-repack-'));
    try {
      result = await pack(await episodeOfRelease(releaseDir, scratch));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }
  return { ...result, replaces: plan.replaces, warnings: plan.warnings };
}

/** What the original's name says, for the NFO (the name itself is given, so nothing is rebuilt). */
function nameFacts(profile: RuleProfile, name: string): Record<string, string> {
  if (profile.releaseType !== 'tv') return {};
  const parsed = parseEpisodeName(profile, name);
  const facts: Record<string, string> = {};
  if (parsed.showWords.length > 0) facts.show = parsed.showWords.join(' ');
  if (parsed.episodeTitleWords.length > 0) facts.title = parsed.episodeTitleWords.join(' ');
  const marker = parsed.episode;
  if (marker?.kind === 'season') {
    facts.season = String(marker.season);
    facts.episode = marker.episodes.join(',');
  }
  return facts;
}

/** When the original went up, as near as its files tell: the oldest modification time among them. */
async function releaseTime(dir: string): Promise<Date> {
  const times = await Promise.all(
    (await readdir(dir)).map(async (name) => (await stat(join(dir, name))).mtimeMs),
  );
  return new Date(Math.min(...times));
}

function usage(message: string): RelpackError {
  return new RelpackError(CommonErrorCode.INVALID_ARGUMENT, message, {});
}
