import { z } from 'zod';

export interface PreferenceDefinition {
  readonly schema: z.ZodType;
  readonly default: unknown;
  readonly description: string;
}

const volumeSize = z
  .number()
  .int()
  .positive()
  .max(2 ** 40)
  .nullable();

/** Every known preference key: its type, its built-in default, and what it does. */
export const PREFERENCES = {
  'pack.group': {
    schema: z.string().regex(/^[A-Za-z0-9_]{0,32}$/),
    default: '',
    description: 'Group tag pre-filled in the wizard',
  },
  'pack.ebookProfile': {
    schema: z.enum(['ebook-2022']),
    default: 'ebook-2022',
    description: 'Rule profile for eBooks',
  },
  'pack.tvProfile': {
    schema: z.enum(['tv-720p-2016', 'tv-sd-2016', 'web-2020']),
    default: 'tv-720p-2016',
    description: 'Rule profile for TV',
  },
  'pack.ebookVolumeSize': {
    schema: volumeSize,
    default: null,
    description: 'eBOOK disk size in bytes (null: the smallest that fits)',
  },
  'pack.tvVolumeSize': {
    schema: volumeSize,
    default: null,
    description: 'TV volume size in bytes (null: the smallest allowed)',
  },
  'pack.rarFormat': {
    schema: z.enum(['rar4', 'rar5']),
    default: 'rar4',
    description: 'RAR format where the profile allows a choice',
  },
  'pack.sample': { schema: z.boolean(), default: true, description: 'Cut a TV sample' },
  'nfo.ebookTemplate': {
    schema: z.string().max(64).nullable(),
    default: null,
    description: 'Template id for eBOOK NFOs (null: the default one)',
  },
  'nfo.tvTemplate': {
    schema: z.string().max(64).nullable(),
    default: null,
    description: 'Template id for TV NFOs (null: the default one)',
  },
  'nfo.dizTemplate': {
    schema: z.string().max(64).nullable(),
    default: null,
    description: 'Template id for file_id.diz (null: the default one)',
  },
  'metadata.bookProviders': {
    schema: z
      .array(z.enum(['openlibrary', 'googlebooks']))
      .min(1)
      .max(5),
    default: ['openlibrary', 'googlebooks'],
    description: 'Book metadata providers, tried in this order until one has candidates',
  },
  'metadata.videoProviders': {
    schema: z
      .array(z.enum(['tmdb', 'tvdb', 'omdb']))
      .min(1)
      .max(5),
    default: ['tmdb', 'omdb'],
    description: 'Film and TV metadata providers, tried in this order until one has candidates',
  },
  'delivery.destinations': {
    schema: z.array(z.string().max(64)).max(20),
    default: [],
    description: 'Destinations chosen by default after a pack',
  },
  'ui.language': { schema: z.enum(['en', 'fr']), default: 'en', description: 'Interface language' },
  'ui.theme': { schema: z.enum(['system', 'light', 'dark']), default: 'system', description: 'Colour theme' },
  'ui.jobsPageSize': { schema: z.number().int().min(10).max(200), default: 50, description: 'Jobs per page' },
} as const satisfies Record<string, PreferenceDefinition>;

export type PreferenceKey = keyof typeof PREFERENCES;

export function isPreferenceKey(key: string): key is PreferenceKey {
  return Object.hasOwn(PREFERENCES, key);
}
