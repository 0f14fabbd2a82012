import type { z } from 'zod';
import { RelpackError } from '../engine/index.js';

/**
 * A use-case's input checked against its contract: callers that are not HTTP (the local CLI, a
 * batch file) get the same VALIDATION_FAILED, with every issue, that the API answers with.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new RelpackError(
    'VALIDATION_FAILED',
    `Invalid ${what}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    { issues },
  );
}
