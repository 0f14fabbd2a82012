import { join } from 'node:path';
import { crc32OfFile } from './file-crc32.js';
import type { SfvEntry } from './sfv-writer.js';

export interface SfvParseResult {
  readonly entries: readonly SfvEntry[];
  readonly comments: readonly string[];
  /** Lines that are neither comments nor `name crc32` pairs, with their 1-based line number. */
  readonly invalidLines: readonly { line: number; text: string }[];
}

const CRC_TOKEN = /^[0-9A-Fa-f]{8}$/;

/**
 * Parses SFV text with any line ending and hex case. The name is everything before the last
 * run of white space, so names with spaces survive (pyReScene `parse_sfv_data` does the same).
 */
export function parseSfv(text: string): SfvParseResult {
  const entries: SfvEntry[] = [];
  const comments: string[] = [];
  const invalidLines: { line: number; text: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith(';')) {
      comments.push(line.slice(1).trim());
      return;
    }
    const match = /^(.*\S)\s+(\S+)$/.exec(line);
    if (!match || !CRC_TOKEN.test(match[2]!)) {
      invalidLines.push({ line: index + 1, text: raw });
      return;
    }
    entries.push({ name: match[1]!, crc32: Number.parseInt(match[2]!, 16) >>> 0 });
  });
  return { entries, comments, invalidLines };
}

export type SfvCheckStatus = 'ok' | 'missing' | 'mismatch';

export interface SfvCheck {
  readonly name: string;
  readonly expected: number;
  readonly actual: number | null;
  readonly status: SfvCheckStatus;
}

/** Checks every entry of a parsed SFV against files in `directory`; never stops at the first failure. */
export async function verifySfvEntries(
  directory: string,
  entries: readonly SfvEntry[],
  signal?: AbortSignal,
): Promise<SfvCheck[]> {
  const checks: SfvCheck[] = [];
  for (const entry of entries) {
    const actual = await crc32OfFile(join(directory, entry.name), signal).then(
      (result) => result.crc32,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      },
    );
    const status: SfvCheckStatus = actual === null ? 'missing' : actual === entry.crc32 ? 'ok' : 'mismatch';
    checks.push({ name: entry.name, expected: entry.crc32, actual, status });
  }
  return checks;
}
