import { basename } from 'node:path';
import { type Finding, getProfile } from '../rules/index.js';
import { PackError, PackErrorCode } from './pack-error.js';
import type { ManifestFile, PackCommonInput, PackHooks, PackResult, PlanCommon } from './pack-types.js';
import type { StagingDirectory } from './release-dir.js';
import { validateRelease } from './validate-release.js';

/**
 * Validates the staged release as a site would, merges the plan's findings, and publishes it
 * only when no `block` finding remains (overridden rule ids excepted).
 */
export async function finishRelease(
  input: Pick<PackCommonInput, 'verify' | 'overrides'>,
  plan: Pick<PlanCommon, 'profile' | 'releaseName' | 'findings'>,
  staging: StagingDirectory,
  files: readonly ManifestFile[],
  hooks: PackHooks,
): Promise<PackResult> {
  hooks.onProgress?.({ phase: 'validate', bytesDone: 0, bytesTotal: 0 });
  const report = await validateRelease(staging.path, getProfile(plan.profile), {
    releaseName: basename(staging.finalPath),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(input.verify ? {} : { written: writtenCrcs(files) }),
  });
  const findings = mergeFindings(plan.findings, report.findings);
  const overrides = new Set(input.overrides ?? []);
  const blocking = findings.filter((f) => f.severity === 'block' && !overrides.has(f.id));
  if (blocking.length > 0) {
    throw new PackError(
      PackErrorCode.RULE_VIOLATION,
      `The release breaks ${blocking.length} rule(s) of ${plan.profile}: ${blocking.map((f) => `${f.id} (${f.detail})`).join('; ')}`,
      { findings },
    );
  }
  await staging.publish();
  hooks.onProgress?.({ phase: 'done', bytesDone: 0, bytesTotal: 0 });
  return {
    releaseName: plan.releaseName,
    releaseDir: staging.finalPath,
    profile: plan.profile,
    files: [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    findings,
  };
}

/** The CRC of every file as the writer computed it while writing, by release-relative path. */
function writtenCrcs(files: readonly ManifestFile[]): ReadonlyMap<string, number> {
  return new Map(files.map((f) => [f.path, Number.parseInt(f.crc32, 16)]));
}

function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out = [...a];
  for (const f of b) if (!out.some((x) => x.id === f.id && x.detail === f.detail)) out.push(f);
  return out;
}
