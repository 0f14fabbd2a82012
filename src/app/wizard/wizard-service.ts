import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Role } from '../../db/index.js';
import {
  checkReleaseName,
  detectSourceType,
  type Finding,
  getProfile,
  isRelpackError,
  RelpackError,
  readMatroskaHeader,
  SOURCE_KINDS,
} from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { readEpubMetadata } from '../../metadata/index.js';
import type { AppContext } from '../context.js';
import type { DestinationService } from '../destinations/destination-service.js';
import type { JobView } from '../jobs/job-contract.js';
import type { JobService } from '../jobs/job-service.js';
import type { MetadataLookup } from '../metadata/metadata-lookup.js';
import { checkPackOptions } from '../pack/check-pack-options.js';
import { EbookMetaSchema, parseMeta, TvMetaSchema } from '../pack/pack-meta.js';
import { type PackReleaseResult, packRelease } from '../pack/pack-release.js';
import type { PackJobRequest } from '../pack/pack-request.js';
import { parseInput } from '../parse-input.js';
import type { PreferenceService } from '../preferences/preference-service.js';
import { confineToRoots } from '../sources/confine-path.js';
import type { SourceRoots } from '../sources/source-roots.js';
import type { UrlPolicy } from '../sources/url-guard.js';
import type { TemplateService } from '../templates/template-service.js';
import { type StepResult, toWizardPreview, type WizardPreview } from './wizard-contract.js';
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

/** A step and its fields, one schema per step, so each case of checkStep has its own typed data. */
const StepInputSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('type'), data: WizardSteps.type }),
  z.object({ step: z.literal('source'), data: WizardSteps.source }),
  z.object({ step: z.literal('metadata'), data: WizardSteps.metadata }),
  z.object({ step: z.literal('naming'), data: WizardSteps.naming }),
  z.object({ step: z.literal('nfo'), data: WizardSteps.nfo }),
  z.object({ step: z.literal('packing'), data: WizardSteps.packing }),
  z.object({ step: z.literal('delivery'), data: WizardSteps.delivery }),
]);
type StepInput = z.output<typeof StepInputSchema>;

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
    const parsed = StepInputSchema.safeParse({ step, data });
    // Paths are the step's own (`group`, not `data.group`), as the form fields are named.
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: i.path.slice(1).join('.'),
        message: i.message,
      }));
      return { ok: false, errors, findings: [], info: {} };
    }
    try {
      const info = await this.checkStep(user, parsed.data, state);
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
    input: StepInput,
    state: PartialWizardState,
  ): Promise<Record<string, unknown>> {
    const releaseType = state.type?.releaseType;
    switch (input.step) {
      case 'type': {
        const data = input.data;
        const profile = checkPackOptions({
          type: data.releaseType,
          profile: data.profile ?? (await this.defaultProfile(user, data.releaseType)),
        });
        return {
          profile: profile.id,
          volumeSizes: profile.packaging.archive.volumeSizes,
          rarFormats: profile.packaging.archive.formats,
        };
      }
      case 'source': {
        const data = input.data;
        if (data.kind === 'url') {
          this.deps.urlPolicy.assertAllowed(data.url);
          return { kind: 'url' };
        }
        const path = await confineToRoots(data.path, this.deps.sourceRoots.for(user));
        const allowed = releaseType
          ? getProfile(state.type?.profile ?? (await this.defaultProfile(user, releaseType))).sourceExtensions
          : SOURCE_KINDS;
        const type = await detectSourceType(path, allowed);
        return { path, type, size: (await stat(path)).size, metadata: await this.fileMetadata(path, type) };
      }
      case 'metadata': {
        const data = input.data;
        if (!releaseType) throw new RelpackError('INVALID_ARGUMENT', 'Choose the release type first', {});
        parseMeta(releaseType === 'ebook' ? EbookMetaSchema : TvMetaSchema, data.meta, releaseType);
        if (!data.lookup) return {};
        return this.candidates(user, releaseType, data.meta, data.provider);
      }
      case 'naming': {
        const data = input.data;
        const full = WizardStateSchema.safeParse({ ...state, naming: data });
        if (data.name) {
          const profile = getProfile(
            state.type?.profile ?? (await this.defaultProfile(user, releaseType ?? 'ebook')),
          );
          const ext =
            state.source?.kind === 'local' ? state.source.path.split('.').pop()?.toLowerCase() : undefined;
          const check = checkReleaseName(profile, data.name, ext ? { fileExtension: ext } : {});
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
        const data = input.data;
        const type = releaseType ?? 'ebook';
        const body =
          data.body ??
          (data.templateId ? (await this.deps.templates.find(user, data.templateId)).body : undefined);
        if (!body) return {};
        const preview = await this.deps.templates.render(body, 'nfo', type);
        return { preview: preview.text, warnings: preview.warnings };
      }
      case 'packing': {
        const data = input.data;
        if (releaseType) {
          checkPackOptions({
            type: releaseType,
            profile: state.type?.profile ?? (await this.defaultProfile(user, releaseType)),
            ...(data.volumeSize ? { volumeSize: data.volumeSize } : {}),
            rarFormat: data.rarFormat,
            sample: data.sample,
          });
        }
        const full = WizardStateSchema.safeParse({ ...state, packing: data });
        if (!full.success || full.data.source.kind !== 'local') return {};
        const plan = await this.plan(user, full.data);
        return { volumeSize: plan.volumeSize, volumeCount: plan.volumes.length };
      }
      case 'delivery': {
        // Each must exist and be enabled; the answer names them for the review step.
        const chosen = [];
        for (const id of input.data.destinations) {
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
    const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
    // `provider:id` pins one record, overriding whatever a search would match.
    const pin = provider ? /^([a-z]+):(.+)$/.exec(provider) : null;
    const choice = pin ? { provider: pin[1]!, id: pin[2]! } : provider ? { provider } : {};
    const year = num(meta.year);
    try {
      if (releaseType === 'ebook') {
        return {
          ...(await this.deps.metadata.books(user, {
            ...(meta.isbn ? { isbn: meta.isbn } : {}),
            ...(meta.title ? { title: meta.title } : {}),
            ...(meta.author ? { author: meta.author } : {}),
            ...(year ? { year } : {}),
            ...choice,
          })),
        };
      }
      const season = num(meta.season);
      const episode = num(meta.episode?.split(/[,-]/)[0]);
      return {
        ...(await this.deps.metadata.videos(user, {
          kind: 'episode',
          ...(meta.show ? { title: meta.show } : {}),
          ...(season !== undefined ? { season } : {}),
          ...(episode !== undefined ? { episode } : {}),
          ...(year ? { year } : {}),
          ...choice,
        })),
      };
    } catch (error) {
      if (!(error instanceof RelpackError)) throw error;
      return { candidates: [], lookupError: { code: error.code, message: error.message } };
    }
  }

  /** The full plan, written nowhere. */
  async preview(user: WizardUser, raw: unknown): Promise<WizardPreview> {
    const state = this.parseState(raw);
    if (state.source.kind !== 'local') {
      throw new RelpackError(
        'SOURCE_NOT_LOCAL',
        'A URL source is planned after it is downloaded: pack it, or upload the file to preview',
        {},
      );
    }
    return toWizardPreview(await this.plan(user, state));
  }

  async pack(user: WizardUser, raw: unknown): Promise<JobView> {
    const state = this.parseState(raw);
    const request = await this.request(user, state);
    const { outputDir: _o, dryRun: _d, source, nfoTemplate, dizTemplate, ...rest } = request;
    const destinations =
      state.delivery?.destinations ??
      ((await this.deps.preferences.resolveAll(user.userId)).find((p) => p.key === 'delivery.destinations')
        ?.value as string[] | undefined) ??
      [];
    const config: Omit<PackJobRequest, 'source' | 'sourceUrl'> = {
      ...rest,
      // The wizard chose the texts already; the job stores them as they are now.
      nfoTemplate: { body: nfoTemplate },
      ...(dizTemplate ? { dizTemplate: { body: dizTemplate } } : {}),
      ...(destinations.length ? { destinations } : {}),
    };
    return this.deps.jobs.create(
      { userId: user.userId, role: user.role, ip: user.ip ?? null },
      state.source.kind === 'url' ? { ...config, sourceUrl: state.source.url } : { ...config, source },
    );
  }

  private parseState(raw: unknown): WizardState {
    return parseInput(WizardStateSchema, raw, 'wizard state (some steps are incomplete)');
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
