import anyAscii from 'any-ascii';
import iconv from 'iconv-lite';
import { columns } from './columns.js';

export interface ReplacedCharacter {
  readonly char: string;
  readonly replacement: string;
  readonly line: number;
  readonly column: number;
}

/** Every character CP437 can hold, learnt from iconv-lite's own table. */
const CP437_CHARS = new Set(iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'cp437'));

export function isCp437(char: string): boolean {
  return CP437_CHARS.has(char);
}

/**
 * Encodes text as CP437 with CRLF line ends. A character CP437 lacks is transliterated
 * (€→EUR, ő→o, “→") and reported with its position, so nothing is silently turned into "?".
 */
export function encodeCp437(text: string): { bytes: Buffer; text: string; replaced: ReplacedCharacter[] } {
  const replaced: ReplacedCharacter[] = [];
  const lines = splitLines(text).map((line, index) => {
    let out = '';
    let column = 0;
    for (const char of line.normalize('NFC')) {
      column++;
      if (char === '\t' || isCp437(char)) {
        out += char;
        continue;
      }
      const replacement = [...anyAscii(char)].filter(isCp437).join('') || '?';
      replaced.push({ char, replacement, line: index + 1, column });
      out += replacement;
    }
    return out;
  });
  const finalText = lines.join('\r\n');
  return { bytes: iconv.encode(finalText, 'cp437'), text: finalText, replaced };
}

export function decodeCp437(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'cp437');
}

/** Any of CRLF, LF or CR ends a line (facts §3.2: NFOs exist with all three). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Lines wider than `max` columns (one column per character, tabs to the next multiple of 8). */
export function overWidthLines(text: string, max: number): { line: number; width: number }[] {
  return splitLines(text).flatMap((line, index) => {
    const width = columns(line);
    return width > max ? [{ line: index + 1, width }] : [];
  });
}
