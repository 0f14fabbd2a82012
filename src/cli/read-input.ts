import { readFile } from 'node:fs/promises';
import { isRelpackError, RelpackError } from '../errors/index.js';

/** All of standard input as text (passwords, batch files given as `-`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A file's text, or stdin for `-`; a missing file is SOURCE_NOT_FOUND. */
export async function readTextInput(file: string): Promise<string> {
  if (file === '-') return readStdin();
  return readFile(file, 'utf8').catch(() => {
    throw new RelpackError('SOURCE_NOT_FOUND', `Cannot read ${file}`, { file });
  });
}

/** The `{ code, message }` a summary or JSON output reports for any error. */
export function errorSummary(error: unknown): { code: string; message: string } {
  return isRelpackError(error)
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL_ERROR', message: (error as Error).message };
}
