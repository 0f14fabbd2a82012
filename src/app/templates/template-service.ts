import type { Role, StoredTemplate, TemplatesRepository } from '../../db/index.js';
import {
  DEFAULT_EBOOK_NFO,
  DEFAULT_FILE_ID_DIZ,
  DEFAULT_TV_NFO,
  DiskTextDataSchema,
  RelpackError,
  type RenderedText,
  renderDiz,
  renderNfo,
  sampleTextData,
  type TemplateVariable,
  templateVariables,
} from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';
import type { RenderPreview, TemplateDraft, TemplateView } from './template-contract.js';

export const TemplateErrorCode = {
  TEMPLATE_NOT_FOUND: 'TEMPLATE_NOT_FOUND',
  TEMPLATE_READ_ONLY: 'TEMPLATE_READ_ONLY',
  TEMPLATE_NAME_TAKEN: 'TEMPLATE_NAME_TAKEN',
} as const satisfies Record<string, ErrorCode>;

const BUILT_IN: readonly TemplateView[] = [
  builtIn(
    'builtin-ebook-nfo',
    'Default eBOOK NFO',
    'ebook',
    'nfo',
    DEFAULT_EBOOK_NFO,
    'The fields the 2022 eBOOK rules ask for, 80 columns',
  ),
  builtIn(
    'builtin-tv-nfo',
    'Default TV NFO',
    'tv',
    'nfo',
    DEFAULT_TV_NFO,
    'Episode and encode facts, 80 columns',
  ),
  builtIn(
    'builtin-ebook-diz',
    'Default file_id.diz',
    'ebook',
    'diz',
    DEFAULT_FILE_ID_DIZ,
    '44 columns with the DISK counter',
  ),
];

function builtIn(
  id: string,
  name: string,
  releaseType: 'ebook' | 'tv',
  kind: 'nfo' | 'diz',
  body: string,
  description: string,
): TemplateView {
  return {
    id,
    name,
    releaseType,
    kind,
    body,
    description,
    ownerId: null,
    isDefault: false,
    createdAt: '1970-01-01T00:00:00.000Z',
    updatedAt: '1970-01-01T00:00:00.000Z',
    builtIn: true,
  };
}

export interface Editor {
  readonly userId: string;
  readonly role: Role;
}

/**
 * NFO/DIZ templates: built-ins, global ones (admins) and private ones (their owner). Rendering is
 * sandboxed by the engine's Liquid setup (own properties only, no files, time and size limits).
 */
export class TemplateService {
  constructor(
    private readonly repo: TemplatesRepository,
    private readonly clock: () => Date,
  ) {}

  async list(editor: Editor): Promise<TemplateView[]> {
    const stored = await this.repo.list(editor.role === 'admin' ? 'all' : { ownerId: editor.userId });
    return [...BUILT_IN, ...stored.map((t) => ({ ...t, builtIn: false }))];
  }

  async get(editor: Editor, id: string): Promise<TemplateView> {
    const builtInTemplate = BUILT_IN.find((t) => t.id === id);
    if (builtInTemplate) return builtInTemplate;
    const t = await this.repo.findById(id);
    if (!t || (editor.role !== 'admin' && t.ownerId !== null && t.ownerId !== editor.userId)) {
      throw new RelpackError(TemplateErrorCode.TEMPLATE_NOT_FOUND, `No template ${id}`, { id });
    }
    return { ...t, builtIn: false };
  }

  /** By id or by name (own first, then global, then built-in). */
  async find(editor: Editor, idOrName: string): Promise<TemplateView> {
    const byId = await this.get(editor, idOrName).catch(() => null);
    if (byId) return byId;
    const own = await this.repo.findByName(idOrName, editor.userId);
    const global = own ?? (await this.repo.findByName(idOrName, null));
    if (global) return { ...global, builtIn: false };
    const named = BUILT_IN.find((t) => t.name === idOrName);
    if (named) return named;
    throw new RelpackError(TemplateErrorCode.TEMPLATE_NOT_FOUND, `No template "${idOrName}"`, { idOrName });
  }

  /** The template a pack uses when none is chosen: the owner's default, the global default, the built-in. */
  async defaultFor(editor: Editor, releaseType: 'ebook' | 'tv', kind: 'nfo' | 'diz'): Promise<TemplateView> {
    const all = await this.list(editor);
    const candidates = all.filter((t) => t.releaseType === releaseType && t.kind === kind);
    return (
      candidates.find((t) => t.isDefault && t.ownerId === editor.userId) ??
      candidates.find((t) => t.isDefault && t.ownerId === null) ??
      BUILT_IN.find((t) => (t.releaseType === releaseType || t.kind === 'diz') && t.kind === kind)!
    );
  }

  async create(editor: Editor, draft: TemplateDraft): Promise<TemplateView> {
    const ownerId = editor.role === 'admin' && !draft.private ? null : editor.userId;
    await this.check(draft.body, draft.kind, draft.releaseType);
    if (await this.repo.findByName(draft.name, ownerId)) {
      throw new RelpackError(
        TemplateErrorCode.TEMPLATE_NAME_TAKEN,
        `A template named "${draft.name}" exists`,
        { name: draft.name },
      );
    }
    const now = this.clock();
    if (draft.isDefault) await this.repo.clearDefault(ownerId, draft.releaseType, draft.kind, now);
    const t = await this.repo.insert(
      {
        name: draft.name,
        releaseType: draft.releaseType,
        kind: draft.kind,
        body: draft.body,
        description: draft.description ?? null,
        ownerId,
        isDefault: draft.isDefault ?? false,
      },
      now,
    );
    return { ...t, builtIn: false };
  }

  async update(
    editor: Editor,
    id: string,
    changes: Partial<Omit<TemplateDraft, 'private'>>,
  ): Promise<TemplateView> {
    const current = await this.writable(editor, id);
    const next = { ...current, ...changes };
    if (changes.body !== undefined || changes.kind !== undefined)
      await this.check(next.body, next.kind, next.releaseType);
    if (changes.name && changes.name !== current.name) {
      const clash = await this.repo.findByName(changes.name, current.ownerId);
      if (clash)
        throw new RelpackError(
          TemplateErrorCode.TEMPLATE_NAME_TAKEN,
          `A template named "${changes.name}" exists`,
          { name: changes.name },
        );
    }
    const now = this.clock();
    if (changes.isDefault) await this.repo.clearDefault(current.ownerId, next.releaseType, next.kind, now);
    const t = await this.repo.update(
      id,
      {
        ...changes,
        ...(changes.description === undefined ? {} : { description: changes.description ?? null }),
      },
      now,
    );
    return { ...t!, builtIn: false };
  }

  async delete(editor: Editor, id: string): Promise<void> {
    await this.writable(editor, id);
    await this.repo.delete(id);
  }

  variables(): TemplateVariable[] {
    return templateVariables();
  }

  /** Renders a body with sample data (or the given data) and reports everything a site would notice. */
  async render(
    body: string,
    kind: 'nfo' | 'diz',
    releaseType: 'ebook' | 'tv',
    data?: Record<string, unknown>,
  ): Promise<RenderPreview> {
    const sample = sampleTextData(releaseType);
    // Given data goes over the sample and must still be text data: a wrong type is the caller's
    // mistake (400), not something the template finds out while rendering.
    const checked = DiskTextDataSchema.safeParse(data ? deepMerge({ ...sample }, data) : sample);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({
        path: `data.${i.path.join('.')}`,
        message: i.message,
      }));
      throw new RelpackError(
        'VALIDATION_FAILED',
        `Invalid template data: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        { issues },
      );
    }
    const merged = checked.data;
    const maxWidth = kind === 'nfo' ? 80 : 44;
    const rendered: RenderedText =
      kind === 'nfo' ? await renderNfo(body, merged, maxWidth) : await renderDiz(body, merged, maxWidth);
    const warnings: RenderPreview['warnings'][number][] = [
      ...rendered.overWidth.map((o) => ({
        type: 'width' as const,
        line: o.line,
        width: o.width,
        max: maxWidth,
      })),
      ...rendered.replaced.map((r) => ({
        type: 'charset' as const,
        line: r.line,
        column: r.column,
        char: r.char,
        replacement: r.replacement,
      })),
    ];
    if (kind === 'diz' && rendered.lineCount > 30)
      warnings.push({ type: 'height', lines: rendered.lineCount, max: 30 });
    if (kind === 'diz' && !/\[\d{2,}\/\d{2,}\]/.test(rendered.text)) {
      warnings.push({ type: 'counter', message: 'No DISK: [xx/yy] counter: use {{ disk.counter }}' });
    }
    return {
      text: rendered.text,
      cp437: rendered.bytes.toString('base64'),
      lineCount: rendered.lineCount,
      warnings,
    };
  }

  /** A template must at least render with sample data before it is stored. */
  private async check(body: string, kind: 'nfo' | 'diz', releaseType: 'ebook' | 'tv'): Promise<void> {
    await this.render(body, kind, releaseType);
  }

  private async writable(editor: Editor, id: string): Promise<StoredTemplate> {
    if (BUILT_IN.some((t) => t.id === id)) {
      throw new RelpackError(
        TemplateErrorCode.TEMPLATE_READ_ONLY,
        'Built-in templates cannot be changed; copy one instead',
        { id },
      );
    }
    const t = await this.repo.findById(id);
    if (!t || (editor.role !== 'admin' && t.ownerId !== editor.userId)) {
      // An operator may read global templates but not change them; it looks the same as absent.
      if (t && t.ownerId === null)
        throw new RelpackError('FORBIDDEN', 'Only an admin can change global templates', { id });
      throw new RelpackError(TemplateErrorCode.TEMPLATE_NOT_FOUND, `No template ${id}`, { id });
    }
    return t;
  }
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    const b = out[k];
    out[k] =
      v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object'
        ? deepMerge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}
