import { join } from 'node:path';
import { checkReleaseName, type ParsedEpisodeName } from '../naming/index.js';
import { planRarVolumes } from '../rar/index.js';
import { allowedVolumeSizeRule, type Finding } from '../rules/index.js';
import { renderNfo } from '../text/index.js';
import type { PackCommonInput, PlanCommon, PlannedText } from './pack-types.js';
import { releaseTextData } from './release-text-data.js';
import { type SampleCut, sampleWindow } from './sample.js';
import { collectorFor, textFindings } from './text-findings.js';
import { assertFormatAllowed, chooseVolumeSize } from './volume-size-choice.js';

export interface TvPackInput extends PackCommonInput {
  /** Cut a sample into `Sample/`; needs the duration (from the Matroska header). */
  readonly sample?: { readonly durationSeconds: number; readonly mkvmerge?: string } | null;
}

export interface TvPlan extends PlanCommon {
  readonly kind: 'tv';
  /** Lower-case stem carrying the group tag: `<stem>.rar`, `.r00`…, `<stem>.sfv`, `<stem>.nfo`. */
  readonly stem: string;
  readonly sfvName: string;
  readonly sample: { readonly path: string; readonly cut: SampleCut } | null;
}

/** The TV release before a byte is written: name findings, volume layout, NFO, SFV and sample names. */
export async function planTvRelease(input: TvPackInput): Promise<TvPlan> {
  const { profile } = input;
  const findings = collectorFor(profile);
  const nameCheck = checkReleaseName(profile, input.releaseName);
  const parsed = nameCheck.parsed as ParsedEpisodeName;
  const stem = input.releaseName.toLowerCase();
  const innerFileName = `${stem}.mkv`;
  const file = { name: innerFileName, size: input.source.size, mtime: input.source.mtime };
  const format = input.rarFormat ?? 'rar4';
  assertFormatAllowed(profile, format);
  const sizeClass =
    parsed.resolution === null || ['540p', '576p'].includes(parsed.resolution) ? 'SD' : parsed.resolution;
  const { volumeSize } = chooseVolumeSize({
    profile,
    rule: allowedVolumeSizeRule(profile, sizeClass),
    file,
    format: 'rar4',
    naming: 'old',
    ...(input.volumeSize === undefined ? {} : { requested: input.volumeSize }),
  });
  const rar = planRarVolumes({
    files: [file],
    format,
    naming: 'old',
    volumeSize,
    baseName: stem,
  });
  const textData = releaseTextData(input, {
    type: 'tv',
    volumeCount: rar.volumes.length,
    volumeSize,
    fileName: innerFileName,
  });
  const nfo: PlannedText = {
    fileName: `${stem}.nfo`,
    rendered: await renderNfo(input.nfoTemplate, textData, profile.packaging.nfo.maxWidth),
  };
  textFindings(findings, 'nfo', nfo.fileName, nfo.rendered, profile.packaging.nfo);
  const sampleRule = profile.packaging.sample;
  const sample =
    input.sample && sampleRule
      ? {
          path: `${sampleRule.dir}/${stem}-sample.mkv`,
          cut: sampleWindow(input.sample.durationSeconds, 60, sampleRule.minSeconds),
        }
      : null;
  return {
    kind: 'tv',
    profile: profile.id,
    releaseName: input.releaseName,
    releaseDir: join(input.outputDir, input.releaseName),
    volumeSize,
    rar,
    innerFileName,
    nfo,
    stem,
    sfvName: `${stem}.sfv`,
    sample,
    findings: [...nameCheck.findings, ...findings.findings] as Finding[],
  };
}
