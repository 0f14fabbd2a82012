import { Liquid } from 'liquidjs';
import type { ErrorCode } from '../../errors/index.js';
import { RelpackError } from '../errors.js';
import { columns } from './columns.js';
import { groupThousands } from './group-thousands.js';

export const TextErrorCode = {
  TEMPLATE_INVALID: 'TEMPLATE_INVALID',
  TEMPLATE_RENDER_FAILED: 'TEMPLATE_RENDER_FAILED',
} as const satisfies Record<string, ErrorCode>;

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
    // Pinned, so a date renders the same on every machine (and liquidjs asks Intl for nothing).
    locale: 'en-US',
    // A template is user input: bound its size, its render time and what it may allocate.
    parseLimit: 200_000,
    // Below the sandbox's 2 s hard stop, so liquidjs's clearer error usually comes first.
    renderLimit: 1_500,
    memoryLimit: 20_000_000,
  });
  // relpack's own filters run outside liquidjs's render and memory limits: each bounds its
  // arguments and its output itself, so `rpad: 80000000` fails at once instead of allocating.
  engine.registerFilter('center', (value: unknown, width: unknown = 80) => {
    const text = filterInput('center', value);
    const pad = Math.max(0, Math.floor((filterWidth('center', width) - columns(text)) / 2));
    return filterOutput('center', ' '.repeat(pad) + text);
  });
  engine.registerFilter('rpad', (value: unknown, width: unknown, char: unknown = ' ') => {
    const text = filterInput('rpad', value);
    const fill = padChar('rpad', char);
    return filterOutput('rpad', text + fill.repeat(Math.max(0, filterWidth('rpad', width) - columns(text))));
  });
  engine.registerFilter('lpad', (value: unknown, width: unknown, char: unknown = ' ') => {
    const text = filterInput('lpad', value);
    const fill = padChar('lpad', char);
    return filterOutput('lpad', fill.repeat(Math.max(0, filterWidth('lpad', width) - columns(text))) + text);
  });
  engine.registerFilter(
    'wrap',
    (value: unknown, width: unknown = 76, indent: unknown = '', hang: unknown = undefined) =>
      filterOutput(
        'wrap',
        wrap(
          filterInput('wrap', value),
          filterWidth('wrap', width),
          padText('wrap', indent),
          hang === undefined ? undefined : padText('wrap', hang),
        ),
      ),
  );
  engine.registerFilter('mb', (bytes: unknown, digits = 0) => (Number(bytes) / 1e6).toFixed(Number(digits)));
  engine.registerFilter('size', (bytes: unknown) => humanSize(Number(bytes)));
  engine.registerFilter('thousands', (value: unknown) => groupThousands(Number(value)));
  return engine;
}

/** Widths past this are no layout an NFO (80 columns) or a DIZ (44) can use. */
export const MAX_FILTER_WIDTH = 1000;
/** Indents and pad characters are a few columns; longer ones multiply the output. */
const MAX_PAD_TEXT = 40;

function filterError(filter: string, message: string): Error {
  return new Error(`${filter}: ${message}`);
}

function filterInput(filter: string, value: unknown): string {
  const text = String(value ?? '');
  if (text.length > MAX_RENDERED_CHARS) {
    throw filterError(filter, `the text is ${text.length} characters; the limit is ${MAX_RENDERED_CHARS}`);
  }
  return text;
}

function filterWidth(filter: string, width: unknown): number {
  const n = Math.floor(Number(width));
  if (!Number.isFinite(n) || n < 0 || n > MAX_FILTER_WIDTH) {
    throw filterError(
      filter,
      `the width must be a whole number from 0 to ${MAX_FILTER_WIDTH} (got ${String(width).slice(0, 40)})`,
    );
  }
  return n;
}

function padText(filter: string, value: unknown): string {
  const text = String(value ?? '');
  if (text.length > MAX_PAD_TEXT) {
    throw filterError(filter, `an indent or pad text is at most ${MAX_PAD_TEXT} characters`);
  }
  return text;
}

function padChar(filter: string, value: unknown): string {
  const text = padText(filter, value);
  // A pad "character" of several columns would overshoot the width it pads to.
  if (columns(text) !== 1) throw filterError(filter, 'the pad character must be one column wide');
  return text;
}

function filterOutput(filter: string, text: string): string {
  if (text.length > MAX_RENDERED_CHARS) {
    throw filterError(filter, `the result is ${text.length} characters; the limit is ${MAX_RENDERED_CHARS}`);
  }
  return text;
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

/**
 * `1.50 KB`, `12.35 MB`, `1.07 GB` (decimal units, as the `mb` filter): a small eBook's size is
 * not `0.00 MB`.
 */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  if (bytes < 1000) return `${bytes} bytes`;
  for (const [unit, scale] of [
    ['KB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
  ] as const) {
    if (bytes < scale * 1000 || unit === 'GB') return `${(bytes / scale).toFixed(2)} ${unit}`;
  }
  return `${bytes} bytes`;
}
