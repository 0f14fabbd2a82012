// The wizard's step logic, free of React and the network so it can be tested on its own: which
// steps exist, which can be opened, what the server is sent, and how defaults are filled in.
import type { components } from '../api/schema.gen';

/** The steps the server validates (generated from its contract); review is the preview of all. */
export type ServerStep = components['schemas']['WizardStepRequest']['step'];

export const STEPS = [
  'type',
  'source',
  'metadata',
  'naming',
  'nfo',
  'packing',
  'delivery',
  'review',
] as const satisfies readonly (ServerStep | 'review')[];
export type Step = (typeof STEPS)[number];
export type ReleaseType = ServerState['type']['releaseType'];

/** What the wizard routes take, generated from the server's WizardState contract. */
export type ServerState = components['schemas']['WizardStateInput'];
/** A draft is a state in progress: any step may still be missing. */
export type Draft = components['schemas']['PartialWizardStateInput'];
export type Source = ServerState['source'];
export type ProfileId = NonNullable<ServerState['type']['profile']>;

export interface WizardState {
  readonly draft: Draft;
  /** Steps the server has accepted, in the order the user passed them. */
  readonly done: readonly ServerStep[];
  /** What each step's validation learnt (detected file type, allowed volume sizes, the built name…). */
  readonly info: Partial<Record<ServerStep, Record<string, unknown>>>;
}

export const EMPTY: WizardState = { draft: {}, done: [], info: {} };

export function isStep(value: string | undefined): value is Step {
  return (STEPS as readonly string[]).includes(value ?? '');
}

export const stepIndex = (step: Step) => STEPS.indexOf(step);
export const nextStep = (step: Step): Step | null => STEPS[stepIndex(step) + 1] ?? null;
export const previousStep = (step: Step): Step | null => STEPS[stepIndex(step) - 1] ?? null;

/** A step opens once every step before it has been accepted; going back is always allowed. */
export function canOpen(state: WizardState, step: Step): boolean {
  return STEPS.slice(0, stepIndex(step)).every((s) => s === 'review' || state.done.includes(s as ServerStep));
}

/** The furthest step the user may open now (where a reload or a bad link lands). */
export function furthestOpen(state: WizardState): Step {
  let last: Step = 'type';
  for (const step of STEPS) {
    if (!canOpen(state, step)) break;
    last = step;
  }
  return last;
}

/** Records a step's data; changing an earlier step invalidates the steps after it that depend on it. */
export function setStep<K extends ServerStep>(state: WizardState, step: K, data: Draft[K]): WizardState {
  const changed = JSON.stringify(state.draft[step]) !== JSON.stringify(data);
  const draft = { ...state.draft, [step]: data };
  if (!changed) return { ...state, draft };
  // A new type or source makes the metadata, name and plan stale; a new metadata makes the name stale.
  const reset: Record<ServerStep, ServerStep[]> = {
    type: ['source', 'metadata', 'naming', 'packing'],
    source: ['metadata', 'naming', 'packing'],
    metadata: ['naming'],
    naming: [],
    nfo: [],
    packing: [],
    delivery: [],
  };
  const stale = new Set(reset[step]);
  return {
    draft,
    done: state.done.filter((s) => s !== step && !stale.has(s)),
    info: Object.fromEntries(Object.entries(state.info).filter(([s]) => !stale.has(s as ServerStep))),
  };
}

export function accept(state: WizardState, step: ServerStep, info: Record<string, unknown>): WizardState {
  return {
    ...state,
    done: state.done.includes(step) ? state.done : [...state.done, step],
    info: { ...state.info, [step]: info },
  };
}

/** What the server's validate route takes: only filled-in steps, empty values dropped. */
export function toServerState(draft: Draft): Draft {
  const out: Draft = {};
  if (draft.type) out.type = draft.type;
  if (draft.source) out.source = draft.source;
  if (draft.metadata) {
    const meta = Object.fromEntries(
      Object.entries(draft.metadata.meta)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    out.metadata = { meta };
  }
  if (draft.naming) {
    const naming: Record<string, string> = {};
    if (draft.naming.group?.trim()) naming.group = draft.naming.group.trim();
    if (draft.naming.name?.trim()) naming.name = draft.naming.name.trim();
    out.naming = naming;
  }
  if (draft.nfo) {
    const nfo: Record<string, string> = {};
    if (draft.nfo.templateId) nfo.templateId = draft.nfo.templateId;
    if (draft.nfo.body?.trim()) nfo.body = draft.nfo.body;
    if (draft.nfo.notes?.trim()) nfo.notes = draft.nfo.notes.trim();
    out.nfo = nfo;
  }
  if (draft.packing) out.packing = draft.packing;
  if (draft.delivery) out.delivery = draft.delivery;
  if (draft.overrides?.length) out.overrides = draft.overrides;
  return out;
}

/** The state the preview and the pack take: the type and the source are chosen by then. */
export function toFullState(draft: Draft): ServerState {
  const state = toServerState(draft);
  if (!state.type || !state.source) throw new Error('Choose the release type and the source first');
  return { ...state, type: state.type, source: state.source };
}

/** The data one step sends for validation. */
export function stepData(draft: Draft, step: ServerStep): unknown {
  const state = toServerState(draft);
  if (step === 'metadata') return state.metadata ?? { meta: {} };
  if (step === 'naming') return state.naming ?? {};
  if (step === 'nfo') return state.nfo ?? {};
  if (step === 'packing') return state.packing ?? {};
  if (step === 'delivery') return state.delivery ?? { destinations: [] };
  return state[step];
}

export const META_FIELDS: Record<ReleaseType, readonly string[]> = {
  ebook: [
    'author',
    'title',
    'year',
    'publisher',
    'isbn',
    'language',
    'edition',
    'source',
    'tags',
    'pages',
    'genre',
    'description',
  ],
  tv: [
    'show',
    'season',
    'episode',
    'title',
    'year',
    'date',
    'language',
    'resolution',
    'format',
    'codec',
    'audio',
    'country',
    'tags',
  ],
};
/** The fields a name cannot do without, marked in the form. */
export const REQUIRED_META: Record<ReleaseType, readonly string[]> = {
  ebook: ['author', 'title', 'year'],
  tv: ['show', 'season', 'episode'],
};

/** `Show.Name.S01E02.720p…` or `Show Name - 1x02`: show, season and episode from a file name. */
export function guessEpisode(fileName: string): Record<string, string> {
  const base = fileName.replace(/\.[^.]+$/, '');
  const m =
    /^(.*?)[ ._-]+S(\d{1,2})E(\d{1,3}(?:-?E?\d{1,3})?)/i.exec(base) ??
    /^(.*?)[ ._-]+(\d{1,2})x(\d{2,3})\b/i.exec(base);
  if (!m) return {};
  const show = m[1]!.replace(/[._]+/g, ' ').trim();
  const episodes = m[3]!.toUpperCase().split(/-?E|-/).filter(Boolean).map(Number);
  const episode = episodes.length > 1 ? `${episodes[0]}-${episodes.at(-1)}` : String(episodes[0]);
  const out: Record<string, string> = { show, season: String(Number(m[2])), episode };
  const res = /\b(2160p|1080p|720p|576p|480p)\b/i.exec(base);
  if (res) out.resolution = res[1]!.toLowerCase();
  const format = /(?:^|[ ._-])(HDTV|PDTV|WEB-?DL|WEBRip|WEB|BluRay|DVDRip)(?=$|[ ._-])/i.exec(base);
  if (format)
    out.format = format[1]!
      .toUpperCase()
      .replace('WEBRIP', 'WEBRip')
      .replace('BLURAY', 'BluRay')
      .replace('DVDRIP', 'DVDRip');
  const codec = /(?:^|[ ._-])(x264|x265|h\.?264|h\.?265|XviD)(?=$|[ ._-])/i.exec(base);
  if (codec) out.codec = codec[1]!.replace(/^X(?=26)/, 'x');
  return out;
}

/** Resolution tag from a video height, as the naming rules use it. */
export function resolutionTag(height: number | null | undefined): string | undefined {
  if (!height) return undefined;
  if (height >= 2000) return '2160p';
  if (height >= 1000) return '1080p';
  if (height >= 700) return '720p';
  return undefined;
}

/**
 * Metadata the file gave (source step) merged under what the user typed: the user's values win,
 * and empty fields are filled from the file.
 */
export function prefillMeta(
  type: ReleaseType,
  current: Record<string, string>,
  fileMeta: Record<string, unknown> | null | undefined,
  fileName: string,
): Record<string, string> {
  const found: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    found[key] = String(value);
  };
  if (type === 'ebook' && fileMeta) {
    put('author', fileMeta.author);
    put('title', fileMeta.title);
    put('year', fileMeta.year);
    put('publisher', fileMeta.publisher);
    put('isbn', fileMeta.isbn);
    put('language', fileMeta.language);
  }
  if (type === 'tv') {
    Object.assign(found, guessEpisode(fileName));
    const tag = resolutionTag(fileMeta?.height as number | undefined);
    if (tag) found.resolution = tag;
  }
  const merged = { ...found };
  for (const [k, v] of Object.entries(current)) if (v.trim() !== '') merged[k] = v;
  return merged;
}

export interface PreferenceValue {
  readonly key: string;
  readonly value: unknown;
}

/** The user's resolved preferences as the wizard's starting values for a release type. */
export function defaultsFrom(prefs: readonly PreferenceValue[], type: ReleaseType): Draft {
  const get = (key: string) => prefs.find((p) => p.key === key)?.value;
  const group = get('pack.group');
  const volumeSize = get(type === 'ebook' ? 'pack.ebookVolumeSize' : 'pack.tvVolumeSize');
  const rarFormat = get('pack.rarFormat');
  const sample = get('pack.sample');
  const template = get(type === 'ebook' ? 'nfo.ebookTemplate' : 'nfo.tvTemplate');
  const destinations = get('delivery.destinations');
  return {
    naming: typeof group === 'string' && group ? { group } : {},
    nfo: typeof template === 'string' && template ? { templateId: template } : {},
    packing: {
      ...(typeof volumeSize === 'number' ? { volumeSize } : {}),
      ...(rarFormat === 'rar4' || rarFormat === 'rar5' ? { rarFormat } : {}),
      ...(type === 'tv' && typeof sample === 'boolean' ? { sample } : {}),
    },
    delivery: { destinations: Array.isArray(destinations) ? (destinations as string[]) : [] },
  };
}

/** Starts a draft for a type: the type itself plus the preference defaults for later steps. */
export function startDraft(
  type: ReleaseType,
  profile: ProfileId | undefined,
  prefs: readonly PreferenceValue[],
): Draft {
  return { type: { releaseType: type, ...(profile ? { profile } : {}) }, ...defaultsFrom(prefs, type) };
}

const STORAGE_KEY = 'relpack.wizard';

export function loadState(storage: Pick<Storage, 'getItem'>): WizardState {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as WizardState;
    return parsed && typeof parsed === 'object' && parsed.draft ? parsed : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function clearSavedState(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(STORAGE_KEY);
}

export function saveState(storage: Pick<Storage, 'setItem' | 'removeItem'>, state: WizardState): void {
  if (state === EMPTY) storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, JSON.stringify(state));
}
