import { z } from 'zod';
import { CommonErrorCode, RelpackError } from '../../engine/index.js';

const text = z.string().trim().min(1);
const int = z.coerce.number().int().nonnegative();

export const EbookMetaSchema = z
  .object({
    author: text,
    title: text,
    year: z.string().regex(/^\d{4}$/, 'a four-digit year'),
    language: text,
    source: text,
    edition: text,
    issue: text,
    type: text,
    tags: text,
    publisher: text,
    isbn: text,
    url: text,
    genre: text,
    pages: int,
    published: text,
    description: text,
    notes: text,
  })
  .partial()
  .strict();

export const TvMetaSchema = z
  .object({
    show: text,
    season: int,
    /** `2`, `2,3` or `2-3` */
    episode: z.string().regex(/^\d+([,-]\d+)*[A-Za-z]?$/, 'a number, a list like 2,3 or a range like 2-3'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    part: int,
    title: text,
    tags: text,
    language: text,
    resolution: text,
    format: text,
    codec: text,
    country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 code such as UK'),
    year: z.string().regex(/^\d{4}$/, 'a four-digit year'),
    airdate: text,
    audio: text,
    notes: text,
  })
  .partial()
  .strict();

export type EbookMeta = z.infer<typeof EbookMetaSchema>;
export type TvMeta = z.infer<typeof TvMetaSchema>;

/** Validates `key=value` metadata against the release type's keys, naming every bad entry. */
export function parseMeta<S extends z.ZodType>(
  schema: S,
  pairs: Readonly<Record<string, string>>,
  type: string,
): z.infer<S> {
  const result = schema.safeParse(pairs);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys((schema as unknown as z.ZodObject).shape).join(', ');
      return `unknown key(s) ${issue.keys.join(', ')} for ${type} (known: ${allowed})`;
    }
    return `${issue.path.join('.')}: ${issue.message}`;
  });
  throw new RelpackError(CommonErrorCode.INVALID_ARGUMENT, `Invalid --meta: ${problems.join('; ')}`, {
    problems,
  });
}

export function splitList(value: string | undefined): string[] {
  return value ? value.split(/[,\s]+/).filter(Boolean) : [];
}

/** `2` → [2]; `2,3` → [2, 3]; `2-4` → [2, 3, 4]. */
export function parseEpisodes(value: string): { episodes: number[]; part?: string } {
  const suffix = /[A-Za-z]$/.exec(value)?.[0];
  const body = suffix ? value.slice(0, -1) : value;
  const episodes = body.split(',').flatMap((piece) => {
    const [a, b] = piece.split('-').map(Number);
    if (b === undefined) return [a!];
    return Array.from({ length: Math.max(0, b - a!) + 1 }, (_, i) => a! + i);
  });
  return suffix ? { episodes, part: suffix } : { episodes };
}
