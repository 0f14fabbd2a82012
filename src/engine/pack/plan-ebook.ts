import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { checkReleaseName } from '../naming/index.js';
import { planRarVolumes } from '../rar/index.js';
import { allowedVolumeSizeRule, type Finding } from '../rules/index.js';
import { DEFAULT_FILE_ID_DIZ, diskCounter, renderDiz, renderNfo } from '../text/index.js';
import type { PackCommonInput, PlanCommon, PlannedText } from './pack-types.js';
import { releaseTextData } from './release-text-data.js';
import { collectorFor, textFindings } from './text-findings.js';
import { assertFormatAllowed, chooseVolumeSize } from './volume-size-choice.js';

export interface EbookPackInput extends PackCommonInput {
  readonly dizTemplate?: string;
}

export interface PlannedDisk {
  readonly index: number;
  readonly zipName: string;
  readonly volumeName: string;
  readonly diz: PlannedText;
}

export interface EbookPlan extends PlanCommon {
  readonly kind: 'ebook';
  /** 6 characters: the 8.3 stem of every ZIP (`stem01.zip`) and of the RAR volumes inside. */
  readonly stem: string;
  readonly disks: readonly PlannedDisk[];
}

/**
 * Everything an eBOOK release will contain, before a byte is written: the name and its
 * findings, the RAR volume layout, one 8.3 ZIP per volume, and the NFO and each disk's DIZ with
 * their final numbers. The preview and the pack both use this.
 */
export async function planEbookRelease(input: EbookPackInput): Promise<EbookPlan> {
  const { profile } = input;
  const findings = collectorFor(profile);
  const nameCheck = checkReleaseName(profile, input.releaseName, { fileExtension: input.source.kind });
  const stem = diskStem(input.group, input.releaseName);
  const innerFileName = innerName(input.releaseName, input.source.kind, profile.limits.innerFileNameMax);
  const format = input.rarFormat ?? 'rar4';
  const naming = format === 'rar4' ? 'old' : 'part';
  assertFormatAllowed(profile, format);
  const file = { name: innerFileName, size: input.source.size, mtime: input.source.mtime };
  const { volumeSize } = chooseVolumeSize({
    profile,
    rule: allowedVolumeSizeRule(profile),
    file,
    format,
    naming,
    ...(input.volumeSize === undefined ? {} : { requested: input.volumeSize }),
  });
  const rar = planRarVolumes({
    files: [file],
    format,
    naming,
    volumeSize,
    baseName: stem,
  });
  const textData = releaseTextData(input, {
    type: 'ebook',
    volumeCount: rar.volumes.length,
    volumeSize,
    fileName: innerFileName,
  });
  const nfoLimits = profile.packaging.nfo;
  const nfo: PlannedText = {
    fileName: `${stem}.nfo`,
    rendered: await renderNfo(input.nfoTemplate, textData, nfoLimits.maxWidth),
  };
  textFindings(findings, 'nfo', nfo.fileName, nfo.rendered, nfoLimits);
  const dizLimits = profile.packaging.diz ?? { maxWidth: 44, maxLines: 30 };
  const disks: PlannedDisk[] = [];
  for (const volume of rar.volumes) {
    const total = rar.volumes.length;
    const counter = diskCounter(volume.index + 1, total);
    const rendered = await renderDiz(
      input.dizTemplate ?? DEFAULT_FILE_ID_DIZ,
      { ...textData, disk: { number: volume.index + 1, total, counter } },
      dizLimits.maxWidth,
    );
    const diz = { fileName: 'file_id.diz', rendered };
    if (volume.index === 0) textFindings(findings, 'diz', 'file_id.diz', rendered, dizLimits);
    disks.push({
      index: volume.index,
      zipName: `${stem}${String(volume.index + 1).padStart(2, '0')}.zip`,
      volumeName: volume.fileName,
      diz,
    });
  }
  return {
    kind: 'ebook',
    profile: profile.id,
    releaseName: input.releaseName,
    releaseDir: join(input.outputDir, input.releaseName),
    volumeSize,
    rar,
    innerFileName,
    nfo,
    stem,
    disks,
    findings: [...nameCheck.findings, ...findings.findings] as Finding[],
  };
}

/**
 * `grp` + 3 characters of a hash of the release name: lower case, 6 characters so that the
 * two-digit disk number keeps ZIP names 8.3, and different releases of a group get different
 * names (the rules want ZIP names unique).
 */
export function diskStem(group: string, releaseName: string): string {
  const prefix = group
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 3)
    .padEnd(3, 'x');
  const hash = BigInt(`0x${createHash('sha256').update(releaseName).digest('hex').slice(0, 12)}`).toString(
    36,
  );
  return `${prefix}${hash.slice(-3).padStart(3, '0')}`;
}

/** `<release name>.<ext>`, the title end cut if it would pass the profile's inner-name limit. */
function innerName(releaseName: string, ext: string, max: number | null): string {
  const suffix = `.${ext}`;
  if (max === null || releaseName.length + suffix.length <= max) return releaseName + suffix;
  return releaseName.slice(0, max - suffix.length) + suffix;
}
