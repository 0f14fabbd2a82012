import { z } from 'zod';
import { PREFERENCES, type PreferenceKey } from './preference-registry.js';

export const PreferenceKeySchema = z
  .enum(Object.keys(PREFERENCES) as [PreferenceKey, ...PreferenceKey[]])
  .meta({ description: 'A preference key (GET /api/preferences lists them)' });

/** Several preferences at once, each with its own type: unknown keys are refused. */
export const PreferenceValuesSchema = z
  .object(
    Object.fromEntries(
      (Object.keys(PREFERENCES) as PreferenceKey[]).map((key) => [
        key,
        PREFERENCES[key].schema.optional().meta({ description: PREFERENCES[key].description }),
      ]),
    ) as { [K in PreferenceKey]: z.ZodOptional<(typeof PREFERENCES)[K]['schema']> },
  )
  .strict()
  .meta({ id: 'PreferenceValues' });
export type PreferenceValues = z.infer<typeof PreferenceValuesSchema>;

export const ResolvedPreferenceSchema = z
  .object({
    key: z.string(),
    value: z.unknown(),
    source: z.enum(['user', 'global', 'default']),
    default: z.unknown(),
    description: z.string(),
  })
  .meta({ id: 'Preference' });

export const PreferenceListSchema = z.object({ items: z.array(ResolvedPreferenceSchema) });

export const GlobalValuesSchema = z.object({ values: PreferenceValuesSchema });

export const GlobalValueSchema = z
  .object({
    key: z.string(),
    value: z.unknown(),
    set: z.boolean().meta({ description: 'false: no global value' }),
  })
  .meta({ id: 'GlobalPreference' });

export const PreferenceExportSchema = z
  .object({
    format: z.literal('relpack-preferences'),
    version: z.literal(1),
    scope: z.enum(['user', 'global']),
    preferences: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'PreferencesExport' });

export const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    changes: z.array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() })),
  })
  .meta({ id: 'PreferencesImportResult' });

export const OneValueSchema = z.object({ value: z.unknown().meta({ description: 'The new value' }) });
