import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32 } from '../checksum/index.js';
import { checkReleaseName, type FixKind, fixTag, withTag } from '../naming/index.js';
import type { Finding, RuleProfile } from '../rules/index.js';
import { renderFixNfo } from '../text/index.js';
import { finishRelease } from './finish-release.js';
import { manifestEntry, manifestEntryOfFile } from './manifest.js';
import { PackError, PackErrorCode } from './pack-error.js';
import type { ManifestFile, PackHooks, PackResult } from './pack-types.js';
import { diskStem } from './plan-ebook.js';
import { cutSample, sampleWindow } from './sample.js';
import { inStaging } from './staged-pack.js';

export interface FixPackInput {
  readonly profile: RuleProfile;
  readonly kind: FixKind;
  /** The release being fixed, as its folder is named. */
  readonly originalName: string;
  /** DIRFIX: the name the release should have had. */
  readonly correctName?: string;
  /** Liquid; sees `release.name`, `release.fixes`, `release.fix`, `release.group`, `release.date`. */
  readonly nfoTemplate: string;
  readonly outputDir: string;
  readonly date: Date;
  readonly tool: { readonly name: string; readonly version: string };
  readonly overrides?: readonly string[];
  /** SAMPLEFIX: the episode to cut the new sample from, and its duration. */
  readonly sample?: { readonly source: string; readonly durationSeconds: number; readonly mkvmerge?: string };
}

export interface FixPackResult extends PackResult {
  readonly fixes: string;
  readonly nfo: { readonly name: string; readonly text: string };
}

/** What a fix release will be, before anything is written: its name, its NFO, its name findings. */
export interface FixPlan {
  readonly profile: string;
  readonly releaseName: string;
  readonly fixes: string;
  readonly tag: string;
  readonly nfo: { readonly name: string; readonly text: string; readonly bytes: Buffer };
  readonly findings: readonly Finding[];
}

/**
 * Names the fix release and renders its NFO (facts §1.4, §2.3): the fixed name with the
 * profile's fix tag, checked by the naming rules, and one NFO that names the release it fixes.
 */
export async function planFix(input: FixPackInput): Promise<FixPlan> {
  const { profile } = input;
  const tag = fixTag(profile, input.kind);
  if (tag === null) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      `${profile.id} has no ${input.kind.toUpperCase()}FIX tag`,
      {
        profile: profile.id,
      },
    );
  }
  const base = input.kind === 'dir' ? input.correctName! : input.originalName;
  if (input.kind === 'dir' && base === input.originalName) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      `${base} is already the release's dirname; a DIRFIX corrects it`,
      {
        name: base,
      },
    );
  }
  const releaseName = withTag(profile, base, tag);
  const nameCheck = checkReleaseName(profile, releaseName);
  const blocking = nameCheck.findings.filter((f) => f.severity === 'block');
  if (blocking.length > 0) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      `${releaseName} breaks ${blocking.length} naming rule(s) of ${profile.id}: ${blocking.map((f) => `${f.id} (${f.detail})`).join('; ')}`,
      { findings: nameCheck.findings },
    );
  }
  const group = releaseName.slice(releaseName.lastIndexOf('-') + 1);
  const rendered = await renderFixNfo(
    input.nfoTemplate,
    {
      release: {
        name: releaseName,
        group,
        fixes: input.originalName,
        fix: tag,
        date: input.date.toISOString().slice(0, 10),
      },
      tool: input.tool,
    },
    profile.packaging.nfo.maxWidth,
  );
  const stem = profile.releaseType === 'ebook' ? diskStem(group, releaseName) : releaseName.toLowerCase();
  return {
    profile: profile.id,
    releaseName,
    fixes: input.originalName,
    tag,
    nfo: { name: `${stem}.nfo`, text: rendered.text, bytes: rendered.bytes },
    findings: nameCheck.findings,
  };
}

/**
 * An NFOFIX, DIRFIX or SAMPLEFIX release as planFix names it: written in a staging folder,
 * validated like any release, and published only when no rule blocks it.
 */
export async function packFix(input: FixPackInput, hooks: PackHooks = {}): Promise<FixPackResult> {
  const { profile } = input;
  if (input.kind === 'sample' && (!input.sample || !profile.packaging.sample)) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      `A SAMPLEFIX needs the episode to cut and a profile with samples`,
      {
        profile: profile.id,
      },
    );
  }
  const plan = await planFix(input);
  const { releaseName, nfo } = plan;
  return inStaging(join(input.outputDir, releaseName), hooks, async (staging) => {
    await writeFile(join(staging.path, nfo.name), nfo.bytes, { flag: 'wx' });
    const files = [manifestEntry('nfo', nfo.name, nfo.bytes.length, crc32(nfo.bytes))];
    if (input.kind === 'sample') files.push(await cutFixSample(input, releaseName, staging.path, hooks));
    const result = await finishRelease(
      { ...(input.overrides ? { overrides: input.overrides } : {}) },
      { profile: profile.id, releaseName, findings: plan.findings },
      staging,
      files,
      hooks,
    );
    return { ...result, fixes: input.originalName, nfo: { name: nfo.name, text: nfo.text } };
  });
}

/** The new sample, cut as `relpack pack tv --sample` cuts one (same window, deterministic). */
async function cutFixSample(
  input: FixPackInput,
  releaseName: string,
  stagingDir: string,
  hooks: PackHooks,
): Promise<ManifestFile> {
  const rule = input.profile.packaging.sample!;
  const sample = input.sample!;
  const path = `${rule.dir}/${input.originalName.toLowerCase()}-sample.mkv`;
  const target = join(stagingDir, path);
  await mkdir(dirname(target), { recursive: true });
  hooks.onProgress?.({ phase: 'sample', bytesDone: 0, bytesTotal: 0, currentFile: path });
  await cutSample(sample.source, target, sampleWindow(sample.durationSeconds, 60, rule.minSeconds), {
    seed: crc32(Buffer.from(`${releaseName} ${input.date.toISOString()}`)),
    ...(sample.mkvmerge ? { mkvmerge: sample.mkvmerge } : {}),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  return manifestEntryOfFile('sample', path, target);
}
