import { z } from 'zod';
import type { ApiConfigsRepository, AuditRepository } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { type Caller, requireAdmin } from '../auth/access.js';
import type { SecretBox } from '../secrets/secret-box.js';

type Actor = Caller & { readonly ip?: string | null };

export const ApiConfigErrorCode = {
  UNKNOWN_PROVIDER: 'UNKNOWN_PROVIDER',
  API_CONFIG_NOT_FOUND: 'API_CONFIG_NOT_FOUND',
} as const satisfies Record<string, ErrorCode>;

/** The metadata providers relpack knows, and whether each needs a key. */
export const PROVIDERS = {
  openlibrary: { kind: 'book', keyRequired: false, description: 'Open Library (no key)' },
  googlebooks: { kind: 'book', keyRequired: false, description: 'Google Books (a key raises the quota)' },
  omdb: { kind: 'video', keyRequired: true, description: 'OMDb API key' },
  tmdb: { kind: 'video', keyRequired: true, description: 'TMDb API read access token' },
  tvdb: { kind: 'video', keyRequired: true, description: 'TheTVDB v4 API key' },
} as const;

export type ProviderId = keyof typeof PROVIDERS;

export const ApiSettingsSchema = z
  .object({
    /** Where the provider is reached (tests and proxies point it elsewhere). */
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    timeoutMs: z.number().int().min(100).max(120_000).optional(),
    retries: z.number().int().min(0).max(10).optional(),
    concurrency: z.number().int().min(1).max(20).optional(),
    requestsPerSecond: z.number().min(0.1).max(100).optional(),
    dailyQuota: z.number().int().min(1).max(10_000_000).optional(),
  })
  .strict();

export type ApiSettings = z.infer<typeof ApiSettingsSchema>;

export const ApiConfigViewSchema = z
  .object({
    provider: z.enum(Object.keys(PROVIDERS) as [ProviderId, ...ProviderId[]]),
    description: z.string(),
    configured: z.boolean(),
    enabled: z.boolean(),
    hasKey: z.boolean(),
    /** The last four characters, so an admin can tell keys apart; never more. */
    keyHint: z.string().nullable(),
    keyRequired: z.boolean(),
    settings: ApiSettingsSchema,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiConfig' });
export type ApiConfigView = z.infer<typeof ApiConfigViewSchema>;

/** A change to a provider: unknown fields or settings are refused, `apiKey: null` removes the key. */
const apiConfigFields = z
  .object({
    apiKey: z.string().min(1).max(2000).nullable().optional(),
    enabled: z.boolean().optional(),
    settings: ApiSettingsSchema.optional(),
  })
  .strict();
export const ApiConfigInputSchema = apiConfigFields.meta({ id: 'ApiConfigChange' });
/** `POST /api/config/apis`: the same, naming the provider. */
export const ApiConfigCreateSchema = apiConfigFields
  .extend({ provider: z.string().min(1).max(32) })
  .meta({ id: 'NewApiConfig' });
export type ApiConfigInput = z.infer<typeof ApiConfigInputSchema>;

const hint = (key: string) => `••••${key.slice(-4)}`;

/** Provider keys sealed with the secret box (row id as AAD); the API shows only whether one is set. */
export class ApiConfigService {
  constructor(
    private readonly repo: ApiConfigsRepository,
    private readonly audit: AuditRepository,
    private readonly box: SecretBox,
    private readonly clock: () => Date,
  ) {}

  private known(provider: string): ProviderId {
    if (!Object.hasOwn(PROVIDERS, provider)) {
      throw new RelpackError(ApiConfigErrorCode.UNKNOWN_PROVIDER, `Unknown provider "${provider}"`, {
        provider,
        known: Object.keys(PROVIDERS),
      });
    }
    return provider as ProviderId;
  }

  async list(caller: Caller): Promise<ApiConfigView[]> {
    requireAdmin(caller, 'see metadata provider settings');
    const rows = new Map((await this.repo.list()).map((r) => [r.provider, r]));
    const views: ApiConfigView[] = [];
    for (const id of Object.keys(PROVIDERS) as ProviderId[])
      views.push(await this.view(id, rows.get(id) ?? null));
    return views;
  }

  async get(caller: Caller, provider: string): Promise<ApiConfigView> {
    requireAdmin(caller, 'see metadata provider settings');
    const id = this.known(provider);
    return this.view(id, await this.repo.find(id));
  }

  /** Creates or changes a provider's configuration; `apiKey: null` removes the key. */
  async put(actor: Actor, provider: string, input: ApiConfigInput): Promise<ApiConfigView> {
    requireAdmin(actor, 'configure metadata providers');
    const id = this.known(provider);
    let settings: ApiSettings | undefined;
    if (input.settings !== undefined) {
      const parsed = ApiSettingsSchema.safeParse(input.settings);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: `settings.${i.path.join('.')}`,
          message: i.message,
        }));
        throw new RelpackError(
          'VALIDATION_FAILED',
          `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          { issues },
        );
      }
      settings = parsed.data;
    }
    const now = this.clock();
    const existing = await this.repo.find(id);
    if (!existing) {
      const rowId = this.repo.newId();
      await this.repo.insert(
        {
          id: rowId,
          provider: id,
          apiKeyEncrypted: input.apiKey ? this.box.seal(input.apiKey, rowId) : null,
          settings: settings ?? {},
          enabled: input.enabled ?? true,
        },
        now,
      );
    } else {
      await this.repo.update(
        id,
        {
          ...(input.apiKey === undefined
            ? {}
            : { apiKeyEncrypted: input.apiKey ? this.box.seal(input.apiKey, existing.id) : null }),
          ...(settings ? { settings } : {}),
          ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        },
        now,
      );
    }
    await this.audit.record(
      {
        action: 'api_config.put',
        userId: actor.userId,
        target: id,
        ip: actor.ip ?? null,
        details: { keyChanged: input.apiKey !== undefined, enabled: input.enabled ?? null },
      },
      now,
    );
    return this.view(id, await this.repo.find(id));
  }

  async delete(actor: Actor, provider: string): Promise<void> {
    requireAdmin(actor, 'configure metadata providers');
    const id = this.known(provider);
    if (!(await this.repo.delete(id)))
      throw new RelpackError(ApiConfigErrorCode.API_CONFIG_NOT_FOUND, `${id} is not configured`, {
        provider: id,
      });
    await this.audit.record(
      { action: 'api_config.delete', userId: actor.userId, target: id, ip: actor.ip ?? null },
      this.clock(),
    );
  }

  /** For provider clients only: the key in clear, the settings, and whether the provider is on. */
  async credentials(
    provider: ProviderId,
  ): Promise<{ apiKey: string | null; settings: ApiSettings; enabled: boolean }> {
    const row = await this.repo.find(provider);
    if (!row) return { apiKey: null, settings: {}, enabled: !PROVIDERS[provider].keyRequired };
    return {
      apiKey: row.apiKeyEncrypted ? this.box.open(row.apiKeyEncrypted, row.id) : null,
      settings: ApiSettingsSchema.parse(row.settings),
      enabled: row.enabled,
    };
  }

  private async view(
    id: ProviderId,
    row: Awaited<ReturnType<ApiConfigsRepository['find']>>,
  ): Promise<ApiConfigView> {
    const key = row?.apiKeyEncrypted ? this.box.open(row.apiKeyEncrypted, row.id) : null;
    return {
      provider: id,
      description: PROVIDERS[id].description,
      configured: row !== null,
      enabled: row ? row.enabled : !PROVIDERS[id].keyRequired,
      hasKey: key !== null,
      keyHint: key ? hint(key) : null,
      keyRequired: PROVIDERS[id].keyRequired,
      settings: row ? ApiSettingsSchema.parse(row.settings) : {},
      updatedAt: row?.updatedAt ?? null,
    };
  }
}
