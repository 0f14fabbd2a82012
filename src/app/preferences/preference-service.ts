import type { PreferencesRepository } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import { type Caller, requireAdmin } from '../auth/access.js';
import { isPreferenceKey, PREFERENCES, type PreferenceKey } from './preference-registry.js';

export const PreferenceErrorCode = {
  UNKNOWN_PREFERENCE: 'UNKNOWN_PREFERENCE',
  INVALID_PREFERENCE: 'INVALID_PREFERENCE',
} as const satisfies Record<string, ErrorCode>;

export type PreferenceSource = 'user' | 'global' | 'default';

export interface ResolvedPreference {
  readonly key: string;
  readonly value: unknown;
  readonly source: PreferenceSource;
  readonly default: unknown;
  readonly description: string;
}

export interface PreferenceExport {
  readonly format: 'relpack-preferences';
  readonly version: 1;
  readonly scope: 'user' | 'global';
  readonly preferences: Record<string, unknown>;
}

export interface ImportChange {
  readonly key: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** Preferences resolve user → global → built-in default, and say where each value came from. */
export class PreferenceService {
  constructor(
    private readonly repo: PreferencesRepository,
    private readonly clock: () => Date,
  ) {}

  validate(key: string, value: unknown): unknown {
    if (!isPreferenceKey(key)) {
      throw new RelpackError(PreferenceErrorCode.UNKNOWN_PREFERENCE, `Unknown preference "${key}"`, {
        key,
        known: Object.keys(PREFERENCES),
      });
    }
    const parsed = PREFERENCES[key].schema.safeParse(value);
    if (!parsed.success) {
      throw new RelpackError(
        PreferenceErrorCode.INVALID_PREFERENCE,
        `Invalid value for ${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        { key, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
      );
    }
    return parsed.data;
  }

  async resolveAll(userId: string | null): Promise<ResolvedPreference[]> {
    const [user, global] = await Promise.all([
      userId ? this.repo.userValues(userId) : new Map<string, unknown>(),
      this.repo.globalValues(),
    ]);
    return (Object.keys(PREFERENCES) as PreferenceKey[]).map((key) => {
      const def = PREFERENCES[key];
      const source: PreferenceSource = user.has(key) ? 'user' : global.has(key) ? 'global' : 'default';
      const value = source === 'user' ? user.get(key) : source === 'global' ? global.get(key) : def.default;
      return { key, value, source, default: def.default, description: def.description };
    });
  }

  async resolve(userId: string | null, key: string): Promise<ResolvedPreference> {
    this.assertKnown(key);
    return (await this.resolveAll(userId)).find((p) => p.key === key)!;
  }

  async setUser(userId: string, values: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(values).map(([k, v]) => [k, this.validate(k, v)] as [string, unknown]);
    await this.repo.setUser(userId, entries, this.clock());
  }

  async unsetUser(userId: string, key: string): Promise<void> {
    this.assertKnown(key);
    await this.repo.unsetUser(userId, key);
  }

  /** The global values (the fallback of every user): admins only, like every global change. */
  async globalValues(caller: Caller): Promise<Record<string, unknown>> {
    requireAdmin(caller, 'read global preferences');
    return Object.fromEntries(await this.repo.globalValues());
  }

  async globalValue(caller: Caller, key: string): Promise<{ key: string; value: unknown; set: boolean }> {
    this.assertKnown(key);
    const values = await this.globalValues(caller);
    return { key, value: Object.hasOwn(values, key) ? values[key] : null, set: Object.hasOwn(values, key) };
  }

  async setGlobal(caller: Caller, values: Record<string, unknown>): Promise<void> {
    requireAdmin(caller, 'change global preferences');
    const entries = Object.entries(values).map(([k, v]) => [k, this.validate(k, v)] as [string, unknown]);
    await this.repo.setGlobal(entries, caller.userId, this.clock());
  }

  async unsetGlobal(caller: Caller, key: string): Promise<void> {
    requireAdmin(caller, 'change global preferences');
    this.assertKnown(key);
    await this.repo.unsetGlobal(key);
  }

  async export(caller: Caller, scope: 'user' | 'global'): Promise<PreferenceExport> {
    if (scope === 'global') requireAdmin(caller, 'export global preferences');
    const userId = caller.userId;
    const values =
      scope === 'user' && userId ? await this.repo.userValues(userId) : await this.repo.globalValues();
    return {
      format: 'relpack-preferences',
      version: 1,
      scope,
      preferences: Object.fromEntries([...values].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  /** Validates the whole document first: nothing is written unless every entry is valid. */
  async import(
    caller: Caller,
    scope: 'user' | 'global',
    doc: unknown,
    dryRun: boolean,
  ): Promise<ImportChange[]> {
    if (scope === 'global') requireAdmin(caller, 'import global preferences');
    const userId = caller.userId;
    const body = doc as Partial<PreferenceExport> | null;
    if (
      body?.format !== 'relpack-preferences' ||
      body.version !== 1 ||
      typeof body.preferences !== 'object' ||
      body.preferences === null
    ) {
      throw new RelpackError(
        PreferenceErrorCode.INVALID_PREFERENCE,
        'Not a relpack preferences export (format "relpack-preferences", version 1)',
        {},
      );
    }
    const incoming = Object.entries(body.preferences).map(
      ([k, v]) => [k, this.validate(k, v)] as [string, unknown],
    );
    const current =
      scope === 'user' && userId ? await this.repo.userValues(userId) : await this.repo.globalValues();
    const changes = incoming
      .filter(([k, v]) => JSON.stringify(current.get(k)) !== JSON.stringify(v))
      .map(([key, to]) => ({ key, from: current.has(key) ? current.get(key) : null, to }));
    if (!dryRun && changes.length > 0) {
      const entries = changes.map((c) => [c.key, c.to] as [string, unknown]);
      if (scope === 'user' && userId) await this.repo.setUser(userId, entries, this.clock());
      else await this.repo.setGlobal(entries, userId, this.clock());
    }
    return changes;
  }

  private assertKnown(key: string): void {
    if (!isPreferenceKey(key)) {
      throw new RelpackError(PreferenceErrorCode.UNKNOWN_PREFERENCE, `Unknown preference "${key}"`, {
        key,
        known: Object.keys(PREFERENCES),
      });
    }
  }
}
