// Covers: inspectNfoBytes on the pyReScene vectors (CP437 and the same art in UTF-16) and on
// UTF-8 with and without a byte-order mark, NUL and stray control bytes; widths in characters.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overWidthLines } from './cp437.js';
import { inspectNfoBytes } from './nfo-bytes.js';

const vector = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/vectors/nfo-sfv/${name}`, import.meta.url));

describe('inspectNfoBytes (issue #20)', () => {
  it('takes a CP437 NFO as it is', () => {
    const nfo = inspectNfoBytes(vector('ansi_dos.nfo'));
    expect(nfo).toMatchObject({ encoding: 'cp437', problems: [] });
  });

  it('tells UTF-16 and measures its lines in characters, as the CP437 original', () => {
    const original = inspectNfoBytes(vector('ansi_dos.nfo'));
    const utf16 = inspectNfoBytes(vector('unicode_dos.nfo'));
    expect(utf16.encoding).toBe('utf-16le');
    expect(utf16.problems).toEqual(['is UTF-16 LE; NFO viewers read CP437 bytes']);
    expect(overWidthLines(utf16.text, 80)).toEqual(overWidthLines(original.text, 80));
    // Without its byte-order mark, by the NULs in every other byte; big-endian too.
    const bare = vector('unicode_dos.nfo').subarray(2);
    expect(inspectNfoBytes(bare).encoding).toBe('utf-16le');
    expect(inspectNfoBytes(Buffer.from(bare).swap16()).text).toBe(utf16.text);
  });

  it('tells a UTF-8 byte-order mark and UTF-8 text, counting characters', () => {
    const bom = inspectNfoBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('plain\r\n')]));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text).toBe('plain\r\n');
    expect(bom.problems[0]).toContain('UTF-8 byte-order mark');
    const utf8 = inspectNfoBytes(Buffer.from(`${'█'.repeat(80)}\r\nCafé\r\n`, 'utf8'));
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.problems).toEqual([
      'is UTF-8 (81 characters outside ASCII); a CP437 viewer shows each as 2–4 other characters',
    ]);
    // 80 block characters are 240 bytes but 80 columns: not over the width.
    expect(overWidthLines(utf8.text, 80)).toEqual([]);
  });

  it('tells NUL and stray control bytes, but not TAB, CR, LF, SUB or the ESC of ANSI art', () => {
    expect(inspectNfoBytes(Buffer.from('a\tb\r\n\x1b[1mc\x1a')).problems).toEqual([]);
    const nul = inspectNfoBytes(Buffer.from('line one\r\nli\x00ne\x07 two\r\n', 'latin1'));
    expect(nul.problems).toEqual([
      'holds 1 NUL byte',
      'holds 1 control byte (the first, 0x07, on line 2), which viewers show as symbols or act on',
    ]);
  });
});
