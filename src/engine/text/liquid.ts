import { Liquid } from 'liquidjs';
import { RelpackError } from '../errors.js';
import { columns } from './cp437.js';

export const TextErrorCode = {
  TEMPLATE_INVALID: 'TEMPLATE_INVALID',
  TEMPLATE_RENDER_FAILED: 'TEMPLATE_RENDER_FAILED',
} as const;

/**
 * One Liquid engine for NFO and DIZ templates. `ownPropertyOnly` keeps templates from reaching
 * prototype properties, and there is no file system access: templates are strings we are given.
 */
export function createTextEngine(): Liquid {
  const engine = new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    relativeReference: false,
    fs: NO_FILES,
    root: [],
    // A template is user input: bound its size, its render time and what it may allocate.
    parseLimit: 200_000,
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
  });
  engine.registerFilter('center', (value: unknown, width = 80) => {
    const text = String(value ?? '');
    const pad = Math.max(0, Math.floor((Number(width) - columns(text)) / 2));
    return ' '.repeat(pad) + text;
  });
  engine.registerFilter('rpad', (value: unknown, width: number, char = ' ') => {
    const text = String(value ?? '');
    return text + String(char).repeat(Math.max(0, Number(width) - columns(text)));
  });
  engine.registerFilter('lpad', (value: unknown, width: number, char = ' ') => {
    const text = String(value ?? '');
    return String(char).repeat(Math.max(0, Number(width) - columns(text))) + text;
  });
  engine.registerFilter('wrap', (value: unknown, width = 76, indent = '', hang: unknown = undefined) =>
    wrap(String(value ?? ''), Number(width), String(indent), hang === undefined ? undefined : String(hang)),
  );
  engine.registerFilter('mb', (bytes: unknown, digits = 0) => (Number(bytes) / 1e6).toFixed(Number(digits)));
  engine.registerFilter('thousands', (value: unknown) => Number(value).toLocaleString('en-US'));
  return engine;
}

/**
 * Word-wraps text to `width` columns of content; words longer than a line (URLs, long names) are
 * split, as the eBOOK rules allow. `indent` starts the first line, `hang` (default: `indent`) the others.
 */
export function wrap(text: string, width: number, indent = '', hang = indent): string {
  const room = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while (word.length > room) {
        if (line) lines.push(line);
        lines.push(word.slice(0, room));
        word = word.slice(room);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? indent : hang) + l).join('\n');
}

/** `{% include %}` and `{% render %}` find no files: templates are self-contained strings. */
const NO_FILES = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file: string): Promise<string> => {
    throw new Error(`templates cannot read files (${file})`);
  },
  readFileSync: (file: string): string => {
    throw new Error(`templates cannot read files (${file})`);
  },
  resolve: (_dir: string, file: string) => file,
  contains: async () => false,
  containsSync: () => false,
};

/** Rendered text over this size is refused: an NFO is a few KB. */
export const MAX_RENDERED_CHARS = 256 * 1024;

function position(error: unknown): { line: number | null; column: number | null } {
  const token = (error as { token?: { getPosition?: () => number[] } }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  return { line: line ?? null, column: column ?? null };
}

export async function renderTemplate(
  engine: Liquid,
  template: string,
  data: object,
  what: string,
): Promise<string> {
  let parsed: ReturnType<Liquid['parse']>;
  try {
    parsed = engine.parse(template);
  } catch (error) {
    throw new RelpackError(
      TextErrorCode.TEMPLATE_INVALID,
      `The ${what} template does not parse: ${(error as Error).message}`,
      {
        what,
        ...position(error),
      },
    );
  }
  let out: string;
  try {
    out = await engine.render(parsed, data);
  } catch (error) {
    throw new RelpackError(
      TextErrorCode.TEMPLATE_RENDER_FAILED,
      `The ${what} template failed: ${(error as Error).message}`,
      {
        what,
        ...position(error),
      },
    );
  }
  if (out.length > MAX_RENDERED_CHARS) {
    throw new RelpackError(
      TextErrorCode.TEMPLATE_RENDER_FAILED,
      `The ${what} is ${out.length} characters; the limit is ${MAX_RENDERED_CHARS}`,
      { what, line: null, column: null },
    );
  }
  return out;
}
