import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  buildEbookName,
  buildEpisodeName,
  CommonErrorCode,
  codecName,
  codecTag,
  DEFAULT_EBOOK_NFO,
  DEFAULT_TV_NFO,
  detectSourceType,
  type EbookPlan,
  type Finding,
  fileTimeFromStats,
  formatDuration,
  getProfile,
  languageName,
  type ManifestFile,
  type MatroskaFields,
  NamingError,
  NamingErrorCode,
  type PackHooks,
  type PackSource,
  packEbook,
  packTv,
  planEbookRelease,
  planTvRelease,
  type RarFormat,
  RelpackError,
  type RuleProfile,
  readMatroskaHeader,
  resolutionTag,
  sourceErrorFromFs,
  type TextFacts,
  type TvPlan,
} from '../../engine/index.js';
import {
  bookFields,
  type EpubFields,
  ExtractError,
  ExtractErrorCode,
  readEpubMetadata as extractEpub,
  extractMetadata,
} from '../../metadata/index.js';
import type { AppContext } from '../context.js';
import { EbookMetaSchema, parseEpisodes, parseMeta, splitList, TvMetaSchema } from './pack-meta.js';

export interface PackReleaseRequest {
  readonly type: 'ebook' | 'tv';
  readonly source: string;
  readonly group: string;
  readonly outputDir: string;
  readonly profile?: string;
  /** Use this name instead of building one from metadata (it is still checked). */
  readonly name?: string;
  readonly meta?: Readonly<Record<string, string>>;
  readonly volumeSize?: number;
  readonly rarFormat?: RarFormat;
  readonly sample?: boolean;
  readonly nfoTemplate?: string;
  readonly dizTemplate?: string;
  readonly overrides?: readonly string[];
  /** Read the written volumes back before publishing (PackCommonInput.verify). */
  readonly verify?: boolean;
  readonly dryRun?: boolean;
  /**
   * The pack time: the NFO's and DIZ's date, the ZIP entries' and the SFV's times, the sample's
   * seed. The same sources, request and time give the same bytes. Default: now.
   */
  readonly time?: Date;
}

export interface PackReleaseResult {
  readonly dryRun: boolean;
  readonly releaseName: string;
  readonly releaseDir: string;
  readonly profile: string;
  /** What was changed on the way: normalised or shortened names, characters CP437 lacks. */
  readonly notes: readonly string[];
  readonly volumeSize: number;
  readonly volumes: readonly { name: string; size: number }[];
  readonly disks: readonly { zip: string; volume: string; diz: string }[] | null;
  readonly nfo: { readonly name: string; readonly text: string };
  readonly sfv: string | null;
  readonly sample: {
    readonly path: string;
    readonly startSeconds: number;
    readonly endSeconds: number;
  } | null;
  /** Written files with size and CRC32; empty on a dry run. */
  readonly files: readonly ManifestFile[];
  readonly findings: readonly Finding[];
  /** The pack time every written byte derives from (ISO 8601); pass it back as `time` to repeat the pack. */
  readonly packedAt: string;
}

/**
 * The one pack use-case behind `relpack pack`, the wizard and jobs: checks the source, reads
 * what the file says, merges the user's metadata over it, builds the name, then plans (dry run)
 * or packs and validates.
 */
export async function packRelease(
  ctx: AppContext,
  request: PackReleaseRequest,
  hooks: PackHooks = {},
): Promise<PackReleaseResult> {
  const profile = getProfile(request.profile ?? (request.type === 'ebook' ? 'ebook-2022' : 'tv-720p-2016'));
  if (profile.releaseType !== request.type) {
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      `Profile ${profile.id} is for ${profile.releaseType} releases, not ${request.type}`,
      {
        profile: profile.id,
      },
    );
  }
  // The real path, links resolved: the writer then refuses a link swapped in meanwhile.
  const path = await realpath(resolve(request.source)).catch((error) => {
    throw sourceErrorFromFs(error, request.source);
  });
  const stats = await stat(path).catch((error) => {
    throw sourceErrorFromFs(error, request.source);
  });
  if (!stats.isFile())
    throw sourceErrorFromFs(Object.assign(new Error('not a file'), { code: 'EISDIR' }), request.source);
  const kind = await detectSourceType(path, profile.sourceExtensions);
  const source: PackSource = { path, size: stats.size, mtime: fileTimeFromStats(stats), kind };
  const common = {
    profile,
    source,
    group: request.group,
    outputDir: resolve(request.outputDir),
    date: request.time ?? ctx.clock(),
    tool: { name: 'relpack', version: ctx.version },
    ...(request.volumeSize === undefined ? {} : { volumeSize: request.volumeSize }),
    ...(request.rarFormat === undefined ? {} : { rarFormat: request.rarFormat }),
    ...(request.overrides ? { overrides: request.overrides } : {}),
    ...(request.verify ? { verify: true } : {}),
  };
  if (request.type === 'ebook') {
    const { name, notes, facts } = await ebookNaming(profile, request, source);
    const input = {
      ...common,
      releaseName: name,
      nfoTemplate: request.nfoTemplate ?? DEFAULT_EBOOK_NFO,
      ...(request.dizTemplate ? { dizTemplate: request.dizTemplate } : {}),
      facts,
    };
    if (request.dryRun) return summarize(await planEbookRelease(input), notes, [], true, common.date);
    const result = await packEbook(input, hooks);
    return summarize(result.plan, notes, result.files, false, common.date, result.findings);
  }
  const { name, notes, facts, video } = await tvNaming(profile, request, source);
  const input = {
    ...common,
    releaseName: name,
    nfoTemplate: request.nfoTemplate ?? DEFAULT_TV_NFO,
    facts,
    sample: request.sample ? { durationSeconds: video.durationSeconds ?? 0 } : null,
  };
  if (request.sample && video.durationSeconds === null) {
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      'The MKV does not state its duration, so no sample can be cut',
      {
        source: path,
      },
    );
  }
  if (request.dryRun) return summarize(await planTvRelease(input), notes, [], true, common.date);
  const result = await packTv(input, hooks);
  return summarize(result.plan, notes, result.files, false, common.date, result.findings);
}

async function ebookNaming(profile: RuleProfile, request: PackReleaseRequest, source: PackSource) {
  const meta = parseMeta(EbookMetaSchema, request.meta ?? {}, 'ebook');
  // What the file says: EPUB package, PDF info/XMP, ComicInfo.xml, Mobipocket EXTH.
  const epub: Partial<EpubFields> = source.kind === 'epub' ? (await extractEpub(source.path)).fields : {};
  // A PDF, CBZ or MOBI whose metadata cannot be read is still packed from what the user typed.
  const unreadable: string[] = [];
  const found =
    source.kind === 'epub'
      ? {}
      : await extractMetadata(source.path)
          .then(bookFields)
          .catch((error: unknown) => {
            if (!(error instanceof ExtractError) || error.code !== ExtractErrorCode.METADATA_UNREADABLE)
              throw error;
            unreadable.push(`${error.message}; the name and NFO use only the metadata given`);
            return {};
          });
  const file: Partial<EpubFields> & { pages?: number } = { ...epub, ...found };
  const title = meta.title ?? file.title ?? undefined;
  const author = meta.author ?? file.author ?? undefined;
  const year = meta.year ?? (file.year ? String(file.year) : undefined);
  const language = meta.language ?? file.language ?? undefined;
  const rules = profile.naming.kind === 'ebook' ? profile.naming : null;
  const formatTag = rules?.formatTags[source.kind] ?? 'PDF';
  const built = request.name
    ? { name: request.name, notes: [] as string[] }
    : buildEbookName(profile, {
        title: title ?? '',
        group: request.group,
        format: source.kind,
        ...(author ? { author } : {}),
        ...(year ? { year } : {}),
        ...(language ? { language } : {}),
        ...(meta.source ? { source: meta.source } : {}),
        ...(meta.edition ? { edition: meta.edition } : {}),
        ...(meta.issue ? { issue: meta.issue } : {}),
        ...(meta.type ? { type: meta.type } : {}),
        extraTags: splitList(meta.tags),
      });
  const facts: TextFacts = {
    book: {
      title: title ?? null,
      author: author ?? null,
      publisher: meta.publisher ?? file.publisher ?? null,
      year: year ?? null,
      published: meta.published ?? file.date ?? year ?? null,
      language: language ? languageName(language) : null,
      source:
        (meta.source && rules?.sourceTags.find((t) => t.toLowerCase() === meta.source!.toLowerCase())) ??
        meta.source ??
        null,
      format: formatTag,
      isbn: meta.isbn ?? file.isbn ?? null,
      pages: meta.pages ?? file.pages ?? null,
      genre: meta.genre ?? null,
      url: meta.url ?? null,
      description: meta.description ?? null,
    },
    ...(meta.notes ? { notes: meta.notes } : {}),
  };
  return { name: built.name, notes: [...unreadable, ...built.notes], facts };
}

async function tvNaming(profile: RuleProfile, request: PackReleaseRequest, source: PackSource) {
  const meta = parseMeta(TvMetaSchema, request.meta ?? {}, 'tv');
  const video: MatroskaFields = (await readMatroskaHeader(source.path)).fields;
  const detected = video.width && video.height ? resolutionTag(video.width, video.height) : undefined;
  const resolution = meta.resolution ?? (detected === 'SD' ? undefined : detected);
  if (!meta.resolution && !request.name && detected)
    assertResolutionFits(profile, detected, video, meta.format);
  const episodes = meta.episode ? parseEpisodes(meta.episode) : undefined;
  const codecFromFile = video.videoCodecId
    ? codecTag(video.videoCodecId, meta.format?.toUpperCase() !== 'WEB')
    : null;
  const built = request.name
    ? { name: request.name, notes: [] as string[] }
    : buildEpisodeName(profile, {
        show: meta.show ?? '',
        group: request.group,
        ...(meta.season === undefined ? {} : { season: meta.season }),
        ...(episodes ? { episodes: episodes.episodes } : {}),
        ...(episodes?.part ? { episodePart: episodes.part } : {}),
        ...(meta.date ? { date: meta.date } : {}),
        ...(meta.part === undefined ? {} : { part: meta.part }),
        ...(meta.title ? { episodeTitle: meta.title } : {}),
        tags: splitList(meta.tags),
        ...(meta.language ? { language: meta.language } : {}),
        ...(resolution ? { resolution } : {}),
        ...(meta.format ? { format: meta.format } : {}),
        ...((meta.codec ?? codecFromFile) ? { codec: (meta.codec ?? codecFromFile)! } : {}),
        ...(meta.country ? { country: meta.country } : {}),
        ...(meta.year ? { showYear: meta.year } : {}),
      });
  const marker = episodes
    ? `${meta.season === undefined ? '' : `S${String(meta.season).padStart(2, '0')}`}${episodes.episodes.map((e) => `E${String(e).padStart(2, '0')}`).join('-')}`
    : (meta.date ?? (meta.part === undefined ? null : `Part ${meta.part}`));
  const duration = video.durationSeconds;
  const facts: TextFacts = {
    show: {
      name: meta.show ?? null,
      episode: marker,
      title: meta.title ?? null,
      airDate: meta.airdate ?? meta.date ?? null,
    },
    video: {
      width: video.width,
      height: video.height,
      resolution: detected ?? null,
      duration: duration === null ? null : formatDuration(duration),
      codec: video.videoCodecId === null ? null : codecName(video.videoCodecId),
      audio:
        meta.audio ??
        (video.tracks
          .filter((t) => t.type === 'audio')
          .map((t) => `${codecName(t.codecId)} (${t.language ?? 'und'})`)
          .join(', ') ||
          null),
    },
    ...(meta.notes ? { notes: meta.notes } : {}),
  };
  return { name: built.name, notes: built.notes, facts, video };
}

/** A 1080p file under the 720p profile, or an SD file under it, is a wrong profile: say which one fits. */
function assertResolutionFits(
  profile: RuleProfile,
  detected: string,
  video: MatroskaFields,
  format?: string,
): void {
  if (profile.naming.kind !== 'episode') return;
  const allowed = profile.naming.resolutions;
  if (format && profile.naming.formatsWithoutResolution.some((f) => f.toLowerCase() === format.toLowerCase()))
    return;
  const fits = allowed.length === 0 ? detected === 'SD' : allowed.includes(detected);
  if (fits) return;
  const hint = detected === 'SD' ? 'tv-sd-2016' : detected === '720p' ? 'tv-720p-2016' : 'web-2020';
  throw new NamingError(
    NamingErrorCode.INVALID_FIELD,
    `The video is ${video.width}x${video.height} (${detected}); ${profile.id} takes ${allowed.join(', ') || 'SD'} — use --profile ${hint}, or set --meta resolution=…`,
    { field: 'resolution', detected, allowed },
  );
}

function replacementNotes(plan: EbookPlan | TvPlan): string[] {
  const texts = [plan.nfo, ...(plan.kind === 'ebook' ? plan.disks.slice(0, 1).map((d) => d.diz) : [])];
  return texts.flatMap((t) =>
    t.rendered.replaced.map(
      (r) => `${t.fileName} line ${r.line}: "${r.char}" is not in CP437, written as "${r.replacement}"`,
    ),
  );
}

function summarize(
  plan: EbookPlan | TvPlan,
  nameNotes: readonly string[],
  files: readonly ManifestFile[],
  dryRun: boolean,
  packedAt: Date,
  findings: readonly Finding[] = plan.findings,
): PackReleaseResult {
  return {
    dryRun,
    packedAt: packedAt.toISOString(),
    releaseName: plan.releaseName,
    releaseDir: plan.releaseDir,
    profile: plan.profile,
    notes: [...nameNotes, ...replacementNotes(plan)],
    volumeSize: plan.volumeSize,
    volumes: plan.rar.volumes.map((v) => ({ name: v.fileName, size: v.size })),
    disks:
      plan.kind === 'ebook'
        ? plan.disks.map((d) => ({ zip: d.zipName, volume: d.volumeName, diz: d.diz.rendered.text }))
        : null,
    nfo: { name: plan.nfo.fileName, text: plan.nfo.rendered.text },
    sfv: plan.kind === 'tv' ? plan.sfvName : null,
    sample:
      plan.kind === 'tv' && plan.sample
        ? {
            path: plan.sample.path,
            startSeconds: plan.sample.cut.startSeconds,
            endSeconds: plan.sample.cut.endSeconds,
          }
        : null,
    files,
    findings,
  };
}
