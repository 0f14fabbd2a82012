import { describe, expect, it } from 'vitest';
import { decodeCp437, encodeCp437, overWidthLines } from './cp437.js';
import { humanSize, wrap } from './liquid.js';
import { diskCounter, readDiskCounter, renderDiz, renderNfo } from './render-text.js';
import { DEFAULT_EBOOK_NFO, DEFAULT_FILE_ID_DIZ } from './templates/index.js';
import type { ReleaseTextData } from './text-data.js';

const data: ReleaseTextData = {
  release: {
    name: 'Author.Title.2021.RETAiL.ePUB.eBOOK-GRP',
    group: 'GRP',
    type: 'ebook',
    profile: 'ebook-2022',
    date: '2026-11-26',
    size: 12_345_678,
    volumes: { count: 3, size: 5_000_000 },
    disks: { count: 3, size: 5_000_000 },
    fileName: 'x.epub',
    notes: '',
  },
  book: {
    title: 'Crème brûlée – “quoted” €5',
    author: 'Zoë',
    year: 2021,
    source: 'RETAiL',
    format: 'ePUB',
    url: `https://shop.example/${'a'.repeat(120)}`,
  },
  tool: { name: 'relpack', version: '1.2.3' },
};

describe('CP437 text', () => {
  it('keeps box drawing and accents CP437 has, transliterates the rest and reports it', () => {
    const { bytes, replaced } = encodeCp437('╔═╗ é ü ░▒▓\n€ “x” –\n');
    expect(decodeCp437(bytes)).toBe('╔═╗ é ü ░▒▓\r\nEUR "x" -');
    expect(replaced.map((r) => [r.char, r.replacement, r.line])).toEqual([
      ['€', 'EUR', 2],
      ['“', '"', 2],
      ['”', '"', 2],
      ['–', '-', 2],
    ]);
    expect(bytes[0]).toBe(0xc9); // ╔ in CP437
  });

  it('measures columns per line, whatever the line ending', () => {
    expect(overWidthLines(`ok\r\n${'x'.repeat(81)}\r${'y'.repeat(80)}\n`, 80)).toEqual([
      { line: 2, width: 81 },
    ]);
  });

  it('wraps long words such as URLs and indents continuation lines', () => {
    expect(wrap('one two three four', 9, '', '  ')).toBe('one two\n  three\n  four');
    expect(wrap('x'.repeat(25), 10)).toBe(`${'x'.repeat(10)}\n${'x'.repeat(10)}\n${'x'.repeat(5)}`);
  });
});

describe('default templates', () => {
  it('render an NFO within 80 columns with CRLF and the final numbers', async () => {
    const nfo = await renderNfo(DEFAULT_EBOOK_NFO, data);
    expect(nfo.overWidth).toEqual([]);
    expect(nfo.text).toContain('Disks ........: 3 x 5mb');
    expect(nfo.text).toContain('12.35 MB');
    expect(nfo.text).toContain('\r\n');
    expect(nfo.text).not.toMatch(/[^\r]\n/);
    expect(nfo.replaced.map((r) => r.char)).toEqual(['–', '“', '”', '€']);
  });

  it('issue #20: a small book is 1.54 KB, not 0.00 MB', async () => {
    const small = { ...data, release: { ...data.release, size: 1_536 } };
    const nfo = await renderNfo(DEFAULT_EBOOK_NFO, small);
    expect(nfo.text).toContain('Size .........: 1.54 KB');
    expect(humanSize(999)).toBe('999 bytes');
    expect(humanSize(1_070_000_000)).toBe('1.07 GB');
  });

  it('render a DIZ with the disk counter, within 44 columns and 30 lines', async () => {
    const diz = await renderDiz(DEFAULT_FILE_ID_DIZ, {
      ...data,
      disk: { number: 2, total: 3, counter: diskCounter(2, 3) },
    });
    expect(diz.overWidth).toEqual([]);
    expect(diz.lineCount).toBeLessThanOrEqual(30);
    expect(readDiskCounter(diz.text)).toEqual({ number: 2, total: 3 });
  });

  it('reject a template that does not parse, with a coded error', async () => {
    await expect(renderNfo('{% if %}', data)).rejects.toMatchObject({ code: 'TEMPLATE_INVALID' });
    await expect(renderNfo('{{ x | nosuchfilter }}', data)).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
    });
  });

  it('cannot reach prototype properties from a template', async () => {
    const out = await renderNfo('{{ release.constructor }}|{{ release.name.length }}', data);
    expect(out.text.trim()).not.toContain('function');
  });
});
