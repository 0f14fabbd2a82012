import { z } from 'zod';
import { CommonErrorCode, RelpackError } from '../../engine/index.js';
import { ReleaseTypeSchema } from '../jobs/job-contract.js';
import { GroupTagSchema, ProfileIdSchema, RarFormatSchema, VolumeSizeSchema } from '../pack/pack-request.js';

/** One pack request of a batch file; the same fields as `relpack pack` options. */
export const BatchItemSchema = z
  .object({
    type: ReleaseTypeSchema,
    source: z.string().min(1).max(4096),
    group: GroupTagSchema,
    profile: ProfileIdSchema.optional(),
    name: z.string().min(1).max(255).optional(),
    meta: z
      .record(z.string().max(64), z.union([z.string().max(4000), z.number()]).transform(String))
      .optional(),
    volumeSize: VolumeSizeSchema.optional(),
    rarFormat: RarFormatSchema.optional(),
    sample: z.boolean().optional(),
    out: z.string().optional(),
    /** Destinations (names or ids) the release is uploaded to once packed. */
    upload: z.array(z.string().min(1).max(128)).max(20).optional(),
  })
  .strict();

export type BatchItem = z.infer<typeof BatchItemSchema>;

/** Where each top-level array element starts, as 1-based lines, so errors can point at it. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** Parses and validates a batch file, listing every problem with its item, line and field. */
export function parseBatch(text: string, origin: string): BatchItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? Number.NaN);
    const line = Number.isFinite(position) ? text.slice(0, position).split('\n').length : null;
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      `${origin}${line ? ` line ${line}` : ''}: not valid JSON (${(error as Error).message})`,
      {
        line,
      },
    );
  }
  if (!Array.isArray(raw))
    throw new RelpackError(
      CommonErrorCode.INVALID_ARGUMENT,
      `${origin}: expected a JSON array of pack requests`,
      {},
    );
  const lines = elementLines(text);
  const problems: { item: number; line: number | null; field: string; message: string }[] = [];
  const items: BatchItem[] = [];
  raw.forEach((entry, index) => {
    const parsed = BatchItemSchema.safeParse(entry);
    if (parsed.success) items.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const field =
          issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(item)';
        problems.push({ item: index + 1, line: lines[index] ?? null, field, message: issue.message });
      }
    }
  });
  if (problems.length > 0) {
    const list = problems
      .map((p) => `item ${p.item}${p.line ? ` (line ${p.line})` : ''}: ${p.field}: ${p.message}`)
      .join('; ');
    throw new RelpackError(CommonErrorCode.INVALID_ARGUMENT, `${origin}: ${list}`, { problems });
  }
  return items;
}
