import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import type { Role } from '../../db/index.js';
import {
  checkReleaseName,
  detectSourceType,
  type Finding,
  getProfile,
  isRelpackError,
  RelpackError,
  readMatroskaHeader,
} from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { readEpubMetadata } from '../../metadata/extract/index.js';
import type { AppContext } from '../context.js';
import type { DestinationService } from '../destinations/destination-service.js';
import type { Job } from '../jobs/job-queries.js';
import type { JobService } from '../jobs/job-service.js';
import type { MetadataLookup } from '../metadata/metadata-lookup.js';
import { EbookMetaSchema, parseMeta, TvMetaSchema } from '../pack-meta.js';
import { type PackReleaseResult, packRelease } from '../pack-release.js';
import type { PreferenceService } from '../preferences/preference-service.js';
import { confineToRoots } from '../sources/confine-path.js';
import type { SourceRoots } from '../sources/source-roots.js';
import type { UrlPolicy } from '../sources/url-guard.js';
import type { TemplateService } from '../templates/template-service.js';
import {
  type PartialWizardState,
  type WizardState,
  WizardStateSchema,
  type WizardStep,
  WizardSteps,
} from './wizard-state.js';

export const WizardErrorCode = { SOURCE_NOT_LOCAL: 'SOURCE_NOT_LOCAL' } as const satisfies Record<
  string,
  ErrorCode
>;

export interface WizardUser {
  readonly userId: string;
  readonly role: Role;
  readonly ip?: string | null;
}

export interface StepResult {
  readonly ok: boolean;
  readonly errors: { path: string; message: string; code?: string }[];
  readonly findings: Finding[];
  /** What the step learnt: the detected file type, metadata read from the file, a suggested name… */
  readonly info: Record<string, unknown>;
}

export interface WizardDeps {
  readonly context: AppContext;
  readonly jobs: JobService;
  readonly preferences: PreferenceService;
  readonly templates: TemplateService;
  readonly destinations: DestinationService;
  readonly metadata: MetadataLookup;
  readonly sourceRoots: SourceRoots;
  readonly urlPolicy: UrlPolicy;
}

const issues = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));

/**
 * The wizard's use-cases. Validation answers field errors and rule findings per step; the
 * preview is `packRelease` with `dryRun`, and the pack is a job with the very same request, so
 * what the preview shows is what the pack writes.
 */
export class WizardService {
  constructor(private readonly deps: WizardDeps) {}

  async validateStep(
    user: WizardUser,
    step: WizardStep,
    data: unknown,
    state: PartialWizardState = {},
  ): Promise<StepResult> {
    const schema = WizardSteps[step];
    const parsed = schema.safeParse(data);
    if (!parsed.success) return { ok: false, errors: issues(parsed.error), findings: [], info: {} };
    try {
      const info = await this.checkStep(user, step, parsed.data as never, state);
      const findings = (info.findings as Finding[] | undefined) ?? [];
      delete info.findings;
      return { ok: !findings.some((f) => f.severity === 'block'), errors: [], findings, info };
    } catch (error) {
      if (!isRelpackError(error)) throw error;
      return {
        ok: false,
        errors: [{ path: '', message: error.message, code: error.code }],
        findings: [],
        info: {},
      };
    }
  }

  private async checkStep(
    user: WizardUser,
    step: WizardStep,
    data: Record<string, unknown>,
    state: PartialWizardState,
  ): Promise<Record<string, unknown>> {
    const releaseType = state.type?.releaseType;
    switch (step) {
      case 'type': {
        const profile = getProfile(
          (data.profile as string | undefined) ??
            (await this.defaultProfile(user, data.releaseType as 'ebook' | 'tv')),
        );
        if (profile.releaseType !== data.releaseType) {
          throw new RelpackError(
            'INVALID_ARGUMENT',
            `Profile ${profile.id} is for ${profile.releaseType} releases`,
            { profile: profile.id },
          );
        }
        return {
          profile: profile.id,
          volumeSizes: profile.packaging.archive.volumeSizes,
          rarFormats: profile.packaging.archive.formats,
        };
      }
      case 'source': {
        if (data.kind === 'url') {
          this.deps.urlPolicy.assertAllowed(data.url as string);
          return { kind: 'url' };
        }
        const path = await confineToRoots(data.path as string, this.deps.sourceRoots.for(user));
        const allowed = releaseType
          ? getProfile(state.type?.profile ?? (await this.defaultProfile(user, releaseType))).sourceExtensions
          : ['epub', 'pdf', 'cbz', 'mobi', 'azw', 'azw3', 'kf8', 'prc', 'mkv'];
        const type = await detectSourceType(path, allowed);
        return { path, type, size: (await stat(path)).size, metadata: await this.fileMetadata(path, type) };
      }
      case 'metadata': {
        if (!releaseType) throw new RelpackError('INVALID_ARGUMENT', 'Choose the release type first', {});
        parseMeta(
          releaseType === 'ebook' ? EbookMetaSchema : TvMetaSchema,
          data.meta as Record<string, string>,
          releaseType,
        );
        if (!data.lookup) return {};
        return this.candidates(
          user,
          releaseType,
          (data.meta ?? {}) as Record<string, string>,
          data.provider as string | undefined,
        );
      }
      case 'naming': {
        const full = WizardStateSchema.safeParse({ ...state, naming: data });
        if (data.name) {
          const profile = getProfile(
            state.type?.profile ?? (await this.defaultProfile(user, releaseType ?? 'ebook')),
          );
          const ext =
            state.source?.kind === 'local' ? state.source.path.split('.').pop()?.toLowerCase() : undefined;
          const check = checkReleaseName(profile, data.name as string, ext ? { fileExtension: ext } : {});
          return { name: data.name, parsed: check.parsed, findings: check.findings };
        }
        if (!full.success || full.data.source.kind !== 'local')
          return { name: null, note: 'the name is built once the source and metadata are known' };
        const plan = await this.plan(user, full.data);
        return {
          name: plan.releaseName,
          notes: plan.notes,
          findings: plan.findings.filter((f) => f.id.startsWith('name.')),
        };
      }
      case 'nfo': {
        const type = releaseType ?? 'ebook';
        const body =
          (data.body as string | undefined) ??
          (data.templateId
            ? (await this.deps.templates.find(user, data.templateId as string)).body
            : undefined);
        if (!body) return {};
        const preview = await this.deps.templates.render(body, 'nfo', type);
        return { preview: preview.text, warnings: preview.warnings };
      }
      case 'packing': {
        if (data.rarFormat && releaseType) {
          const profile = getProfile(state.type?.profile ?? (await this.defaultProfile(user, releaseType)));
          if (!profile.packaging.archive.formats.includes(data.rarFormat as 'rar4')) {
            throw new RelpackError(
              'RAR_FORMAT_NOT_ALLOWED',
              `${String(data.rarFormat).toUpperCase()} is not allowed by ${profile.id}`,
              {},
            );
          }
        }
        const full = WizardStateSchema.safeParse({ ...state, packing: data });
        if (!full.success || full.data.source.kind !== 'local') return {};
        const plan = await this.plan(user, full.data);
        return { volumeSize: plan.volumeSize, volumeCount: plan.volumes.length };
      }
      case 'delivery': {
        // Each must exist and be enabled; the answer names them for the review step.
        const chosen = [];
        for (const id of (data.destinations as string[] | undefined) ?? []) {
          const d = await this.deps.destinations.get(id);
          if (!d.enabled) {
            throw new RelpackError('DESTINATION_DISABLED', `Destination "${d.name}" is disabled`, {
              destination: d.name,
            });
          }
          chosen.push({ id: d.id, name: d.name, protocol: d.protocol, host: d.host });
        }
        return { destinations: chosen };
      }
    }
  }

  /**
   * Provider candidates for the metadata step, through the user's chain (or a pinned provider). A
   * provider failing is reported beside the candidates: the step itself stays valid.
   */
  private async candidates(
    user: WizardUser,
    releaseType: 'ebook' | 'tv',
    meta: Record<string, string>,
    provider: string | undefined,
  ): Promise<Record<string, unknown>> {
    const prefs = await this.deps.preferences.resolveAll(user.userId);
    const chain = prefs.find(
      (p) => p.key === (releaseType === 'ebook' ? 'metadata.bookProviders' : 'metadata.videoProviders'),
    )?.value as string[] | undefined;
    const options = provider ? { provider } : chain ? { chain } : {};
    const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
    // `provider:id` pins one record, overriding whatever a search would match.
    const pin = provider ? /^([a-z]+):(.+)$/.exec(provider) : null;
    try {
      if (pin) {
        const [, pinnedProvider, id] = pin as unknown as [string, string, string];
        if (releaseType === 'ebook') return { ...(await this.deps.metadata.getBook(pinnedProvider, id)) };
        const season = num(meta.season);
        const episode = num(meta.episode?.split(/[,-]/)[0]);
        return {
          ...(await this.deps.metadata.getVideo(pinnedProvider, {
            id,
            kind: season !== undefined && episode !== undefined ? 'episode' : 'series',
            ...(season !== undefined ? { season } : {}),
            ...(episode !== undefined ? { episode } : {}),
          })),
        };
      }
      if (releaseType === 'ebook') {
        const year = num(meta.year);
        return {
          ...(await this.deps.metadata.lookupBook(
            {
              ...(meta.isbn ? { isbn: meta.isbn } : {}),
              ...(meta.title ? { title: meta.title } : {}),
              ...(meta.author ? { author: meta.author } : {}),
              ...(year ? { year } : {}),
            },
            options,
          )),
        };
      }
      const season = num(meta.season);
      const episode = num(meta.episode?.split(/[,-]/)[0]);
      const year = num(meta.year);
      return {
        ...(await this.deps.metadata.lookupVideo(
          {
            kind: 'episode',
            ...(meta.show ? { title: meta.show } : {}),
            ...(season !== undefined ? { season } : {}),
            ...(episode !== undefined ? { episode } : {}),
            ...(year ? { year } : {}),
          },
          options,
        )),
      };
    } catch (error) {
      if (!(error instanceof RelpackError)) throw error;
      return { candidates: [], lookupError: { code: error.code, message: error.message } };
    }
  }

  /** The full plan, written nowhere. */
  async preview(user: WizardUser, raw: unknown): Promise<PackReleaseResult> {
    const state = this.parseState(raw);
    if (state.source.kind !== 'local') {
      throw new RelpackError(
        'SOURCE_NOT_LOCAL',
        'A URL source is planned after it is downloaded: pack it, or upload the file to preview',
        {},
      );
    }
    return this.plan(user, state);
  }

  async pack(user: WizardUser, raw: unknown): Promise<Job> {
    const state = this.parseState(raw);
    const request = await this.request(user, state);
    const { outputDir: _o, dryRun: _d, source, ...rest } = request;
    const destinations =
      state.delivery?.destinations ??
      ((await this.deps.preferences.resolveAll(user.userId)).find((p) => p.key === 'delivery.destinations')
        ?.value as string[] | undefined) ??
      [];
    const config = { ...rest, ...(destinations.length ? { destinations } : {}) };
    return this.deps.jobs.create(
      { userId: user.userId, role: user.role, ip: user.ip ?? null },
      state.source.kind === 'url' ? { ...config, sourceUrl: state.source.url } : { ...config, source },
    );
  }

  private parseState(raw: unknown): WizardState {
    const parsed = WizardStateSchema.safeParse(raw);
    if (!parsed.success) {
      throw new RelpackError(
        'VALIDATION_FAILED',
        `The wizard state is incomplete: ${issues(parsed.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
        {
          issues: issues(parsed.error),
        },
      );
    }
    return parsed.data;
  }

  private async plan(user: WizardUser, state: WizardState): Promise<PackReleaseResult> {
    const request = await this.request(user, state);
    return packRelease(this.deps.context, { ...request, dryRun: true });
  }

  /** The one translation from wizard state to a pack request, with preferences filling the gaps. */
  private async request(user: WizardUser, state: WizardState) {
    const prefs = Object.fromEntries(
      (await this.deps.preferences.resolveAll(user.userId)).map((p) => [p.key, p.value]),
    );
    const type = state.type.releaseType;
    const profile =
      state.type.profile ?? (prefs[type === 'ebook' ? 'pack.ebookProfile' : 'pack.tvProfile'] as string);
    const group = state.naming?.group ?? (prefs['pack.group'] as string);
    if (!group)
      throw new RelpackError(
        'VALIDATION_FAILED',
        'A group tag is needed (naming step, or the pack.group preference)',
        { issues: [{ path: 'naming.group', message: 'required' }] },
      );
    const volumeSize =
      state.packing?.volumeSize === undefined
        ? (prefs[type === 'ebook' ? 'pack.ebookVolumeSize' : 'pack.tvVolumeSize'] as number | null)
        : state.packing.volumeSize;
    const nfoBody =
      state.nfo?.body ??
      (
        await this.deps.templates.find(
          user,
          state.nfo?.templateId ??
            (prefs[type === 'ebook' ? 'nfo.ebookTemplate' : 'nfo.tvTemplate'] as string | null) ??
            (
              await this.deps.templates.defaultFor(user, type, 'nfo')
            ).id,
        )
      ).body;
    const dizBody =
      type === 'ebook'
        ? (
            await this.deps.templates.find(
              user,
              state.nfo?.dizTemplateId ??
                (prefs['nfo.dizTemplate'] as string | null) ??
                (
                  await this.deps.templates.defaultFor(user, 'ebook', 'diz')
                ).id,
            )
          ).body
        : undefined;
    const source =
      state.source.kind === 'local'
        ? await confineToRoots(state.source.path, this.deps.sourceRoots.for(user))
        : '';
    const meta = { ...(state.metadata?.meta ?? {}), ...(state.nfo?.notes ? { notes: state.nfo.notes } : {}) };
    return {
      type,
      source,
      group,
      profile,
      outputDir: '/nonexistent-preview-only',
      meta,
      nfoTemplate: nfoBody,
      ...(dizBody ? { dizTemplate: dizBody } : {}),
      ...(state.naming?.name ? { name: state.naming.name } : {}),
      ...(volumeSize ? { volumeSize } : {}),
      rarFormat: state.packing?.rarFormat ?? (prefs['pack.rarFormat'] as 'rar4' | 'rar5'),
      ...(type === 'tv' ? { sample: state.packing?.sample ?? (prefs['pack.sample'] as boolean) } : {}),
      ...(state.overrides?.length ? { overrides: state.overrides } : {}),
      dryRun: false,
    };
  }

  private async defaultProfile(user: WizardUser, type: 'ebook' | 'tv'): Promise<string> {
    return (
      await this.deps.preferences.resolve(
        user.userId,
        type === 'ebook' ? 'pack.ebookProfile' : 'pack.tvProfile',
      )
    ).value as string;
  }

  private async fileMetadata(path: string, type: string): Promise<Record<string, unknown> | null> {
    try {
      if (type === 'epub') return { ...(await readEpubMetadata(path)).fields };
      if (type === 'mkv') return { ...(await readMatroskaHeader(path)).fields };
    } catch {
      return null;
    }
    return null;
  }
}
