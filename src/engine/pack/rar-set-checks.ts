import { extname } from 'node:path';
import {
  RAR_WARNING_CHECKS,
  RarCheck,
  type RarCheckId,
  type RarSetReport,
  verifyRarSet,
  volumeIndexFromName,
} from '../rar/index.js';
import {
  allowedVolumeSizeRule,
  describeVolumeSizes,
  type FindingCollector,
  isAllowedVolumeSize,
  type RuleProfile,
} from '../rules/index.js';
import { groupThousands } from '../text/group-thousands.js';

const SEQUENCE_CHECKS: readonly string[] = [
  RarCheck.VOLUME_MISSING,
  RarCheck.SET_INCOMPLETE,
  RarCheck.CHAIN_BROKEN,
  RarCheck.VOLUME_NUMBER,
  RarCheck.FIRST_VOLUME_FLAG,
  RarCheck.END_FLAG,
];

function ruleFor(check: string): string {
  if (SEQUENCE_CHECKS.includes(check)) return 'release.volume-sequence';
  return RAR_WARNING_CHECKS.has(check as RarCheckId) ? 'release.rar-header-drift' : 'release.rar-integrity';
}

/**
 * Checks one RAR set the profile's way: one set only, complete and in order, every header and
 * CRC right (our reader), allowed format, store mode, allowed sizes and count, one allowed file.
 * Returns the reader's report (its volume CRCs serve the SFV check) or null when there is no set.
 */
export async function checkRarSet(
  dir: string,
  volumeNames: readonly string[],
  profile: RuleProfile,
  out: FindingCollector,
  options: { sizeClass?: string; signal?: AbortSignal; checkData?: boolean } = {},
): Promise<RarSetReport | null> {
  const parsed = volumeNames.map((name) => ({ name, info: volumeIndexFromName(name)! }));
  const sets = new Set(parsed.map((p) => `${p.info.baseName.toLowerCase()}|${p.info.naming}`));
  if (parsed.length === 0) {
    out.add('release.volume-sequence', 'No RAR volumes found');
    return null;
  }
  if (sets.size > 1)
    out.add('release.volume-sequence', `${sets.size} RAR sets found; a release holds exactly one`);
  const archive = profile.packaging.archive;
  for (const p of parsed) {
    if (p.info.naming !== archive.naming && profile.releaseType === 'tv') {
      out.add(
        'release.volume-naming',
        `${p.name} uses .partN.rar naming; use old-style .rar/.r00 names`,
        p.name,
      );
    }
  }
  const first = parsed.find((p) => p.info.index === 0);
  if (!first) {
    out.add('release.volume-sequence', 'The first volume (.rar / .part1.rar) is missing');
    return null;
  }
  const report = await verifyRarSet(`${dir}/${first.name}`, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.checkData === false ? { checkData: false } : {}),
  });
  for (const problem of report.problems) {
    out.add(ruleFor(problem.check), problem.message, problem.volume ?? problem.file, {
      code: problem.check,
      ...(problem.causedBy ? { causedBy: problem.causedBy } : {}),
    });
  }
  for (const volume of report.volumes) {
    if (!archive.formats.includes(volume.format)) {
      out.add(
        'release.rar-format',
        `${volume.format.toUpperCase()} archive; pack as ${archive.formats.join(' or ').toUpperCase()}`,
      );
    }
    if (volume.hasRecoveryRecord || volume.isLocked || volume.hasEncryptedHeaders || volume.isSolid) {
      out.add('release.rar-compression', 'The archive has a recovery record, a lock, encryption or is solid');
    }
    for (const file of volume.files) {
      if (!file.isStored)
        out.add('release.rar-compression', `${file.name} is compressed; use store mode (-m0)`, file.name);
      if (file.isEncrypted) out.add('release.rar-compression', `${file.name} is encrypted`, file.name);
    }
  }
  const contents = report.files.filter((f) => !f.name.endsWith('/'));
  const allowedExt = archive.contentExtensions;
  const wrong = contents.filter((f) => !allowedExt.includes(extname(f.name).slice(1).toLowerCase()));
  if (contents.length !== archive.maxContentFiles || wrong.length > 0) {
    const what = contents.map((f) => f.name).join(', ') || 'nothing';
    out.add(
      'release.rar-content',
      `The RAR set holds ${what}; it must hold exactly one .${allowedExt.join('/.')} file`,
    );
  }
  const innerMax = profile.limits.innerFileNameMax;
  for (const file of contents) {
    const name = file.name.split('/').pop()!;
    if (innerMax !== null && name.length > innerMax) {
      out.add('release.inner-name-length', `${name.length} characters (max ${innerMax})`, name);
    }
  }
  checkVolumeSizes(report, profile, out, options.sizeClass);
  return report;
}

function checkVolumeSizes(
  report: RarSetReport,
  profile: RuleProfile,
  out: FindingCollector,
  sizeClass?: string,
): void {
  const volumes = report.volumes;
  const archive = profile.packaging.archive;
  if (volumes.length > archive.maxVolumes) {
    out.add(
      'release.volume-count',
      `${volumes.length} volumes (max ${archive.maxVolumes}); use a larger volume size`,
    );
  }
  if (volumes.length < 2) return;
  const rule = allowedVolumeSizeRule(profile, sizeClass);
  const size = volumes[0]!.size;
  if (!isAllowedVolumeSize(rule, size)) {
    out.add(
      'release.volume-size',
      `Volumes are ${groupThousands(size)} bytes; allowed: ${describeVolumeSizes(rule)}`,
    );
  }
  for (const volume of volumes.slice(0, -1)) {
    if (volume.size !== size) {
      const name = volume.path.split('/').pop()!;
      out.add(
        'release.volume-size',
        `${name} is ${groupThousands(volume.size)} bytes, not ${groupThousands(size)} like the first`,
        name,
      );
    }
  }
  if (volumes.at(-1)!.size > size)
    out.add('release.volume-size', 'The last volume is larger than the others');
  const base = rule.multipleOf;
  const min = archive.stepUpMinVolumes;
  if (base !== null && min !== null && size > base && size % base === 0 && volumes.length < min) {
    out.add(
      'release.volume-step-up',
      `${volumes.length} volumes of ${groupThousands(size)} bytes; below ${min} volumes use ${groupThousands(size - base)}-byte volumes`,
    );
  }
}
