import { decodeCp437 } from './cp437.js';

export type NfoEncoding = 'cp437' | 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface NfoBytes {
  readonly encoding: NfoEncoding;
  /** The text as the characters it holds, whatever its encoding: widths are measured on this. */
  readonly text: string;
  /** What a CP437 viewer (every scene NFO viewer) would get wrong, one sentence each. */
  readonly problems: readonly string[];
}

/** Control bytes a CP437 NFO has no business holding: all but TAB, LF, CR, SUB (DOS EOF) and ESC (ANSI). */
const STRAY_CONTROL = new Set([
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15,
  0x16, 0x17, 0x18, 0x19, 0x1c, 0x1d, 0x1e, 0x1f, 0x7f,
]);

/**
 * Reads an NFO's bytes as a site's viewer would expect them: CP437 (facts §3.2). UTF-16 (with or
 * without a byte-order mark), a UTF-8 byte-order mark, UTF-8 text outside ASCII, NUL and stray
 * control bytes are each told once; the text is decoded in the encoding found, so that widths count
 * characters, not bytes (a UTF-16 line of 78 characters is 156 bytes, not 156 columns).
 */
export function inspectNfoBytes(bytes: Uint8Array): NfoBytes {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = utf16Order(data);
  if (utf16) {
    const body = data.subarray(hasBom16(data) ? 2 : 0);
    const text = utf16 === 'utf-16le' ? body.toString('utf16le') : swap16(body).toString('utf16le');
    return {
      encoding: utf16,
      text,
      problems: [`is ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}; NFO viewers read CP437 bytes`],
    };
  }
  const problems: string[] = [];
  let encoding: NfoEncoding = 'cp437';
  let text: string;
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = data.subarray(3).toString('utf8');
    problems.push('starts with a UTF-8 byte-order mark, which a CP437 viewer shows as "∩╗┐"');
  } else if (isUtf8BeyondAscii(data)) {
    encoding = 'utf-8';
    text = data.toString('utf8');
    const beyond = [...text].filter((c) => c.codePointAt(0)! > 0x7f).length;
    problems.push(
      `is UTF-8 (${beyond} character${beyond === 1 ? '' : 's'} outside ASCII); a CP437 viewer shows each as 2–4 other characters`,
    );
  } else {
    text = decodeCp437(data);
  }
  const nul = data.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nul > 0) problems.push(`holds ${nul} NUL byte${nul === 1 ? '' : 's'}`);
  const stray = strayControls(data);
  if (stray) problems.push(stray);
  return { encoding, text, problems };
}

function hasBom16(data: Buffer): boolean {
  return (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
}

/** UTF-16 by its byte-order mark, or by NULs in most odd (LE) or even (BE) positions of ASCII text. */
function utf16Order(data: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(data.length, 4096) / 2);
  if (pairs < 4) return null;
  let oddNul = 0;
  let evenNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (data[2 * i] === 0) evenNul++;
    if (data[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
  return null;
}

function swap16(data: Buffer): Buffer {
  const out = Buffer.from(data.subarray(0, data.length - (data.length % 2)));
  return out.swap16();
}

/** Valid UTF-8 with at least one multi-byte sequence: CP437 art bytes almost never form one. */
function isUtf8BeyondAscii(data: Buffer): boolean {
  if (!data.some((b) => b > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

function strayControls(data: Buffer): string | null {
  let count = 0;
  let first: { byte: number; line: number } | null = null;
  let line = 1;
  for (const byte of data) {
    if (byte === 0x0a) line++;
    if (!STRAY_CONTROL.has(byte)) continue;
    count++;
    first ??= { byte, line };
  }
  if (!first) return null;
  const hex = `0x${first.byte.toString(16).padStart(2, '0').toUpperCase()}`;
  return `holds ${count} control byte${count === 1 ? '' : 's'} (the first, ${hex}, on line ${first.line}), which viewers show as symbols or act on`;
}
