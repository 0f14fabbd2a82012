import { readFile } from 'node:fs/promises';
import { isRelpackError, RelpackError } from '../errors/index.js';

/** What a password or secret piped on stdin may be: a line, not a file someone piped by mistake. */
export const SECRET_STDIN_BYTES = 64 * 1024;
/** A batch file given as `-`. */
export const TEXT_STDIN_BYTES = 16 * 2 ** 20;

/**
 * All of standard input as text, at most `maxBytes`: more is refused with what was expected, and
 * nothing beyond the limit is held in memory.
 */
export async function readStdin(maxBytes: number = SECRET_STDIN_BYTES, what = 'a password'): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      process.stdin.destroy();
      throw new RelpackError(
        'INVALID_ARGUMENT',
        `Standard input holds more than ${maxBytes} bytes; it should hold ${what}`,
        { maxBytes },
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A file's text, or stdin for `-`; a missing file is SOURCE_NOT_FOUND. */
export async function readTextInput(file: string): Promise<string> {
  if (file === '-') return readStdin(TEXT_STDIN_BYTES, 'a batch file');
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
