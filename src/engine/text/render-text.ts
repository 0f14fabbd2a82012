import { encodeCp437, overWidthLines, type ReplacedCharacter, splitLines } from './cp437.js';
import { sharedTemplateSandbox } from './template-sandbox.js';
import type { DiskTextData, ReleaseTextData } from './text-data.js';

export interface RenderedText {
  /** The text as written (after transliteration), lines joined with CRLF. */
  readonly text: string;
  /** CP437 bytes with CRLF line ends, ready to write. */
  readonly bytes: Buffer;
  readonly replaced: readonly ReplacedCharacter[];
  readonly overWidth: readonly { line: number; width: number }[];
  readonly lineCount: number;
}

async function render(template: string, data: object, what: string, maxWidth: number): Promise<RenderedText> {
  const raw = await sharedTemplateSandbox().render(template, data, what);
  const encoded = encodeCp437(raw.replace(/\s+$/, '\n'));
  return {
    text: encoded.text,
    bytes: encoded.bytes,
    replaced: encoded.replaced,
    overWidth: overWidthLines(encoded.text, maxWidth),
    lineCount: splitLines(encoded.text).length,
  };
}

export function renderNfo(template: string, data: ReleaseTextData, maxWidth = 80): Promise<RenderedText> {
  return render(template, data, 'NFO', maxWidth);
}

/** What a fix's NFO template sees: the fix release, the release it fixes, the date and the tool. */
export interface FixTextData {
  readonly release: {
    readonly name: string;
    readonly group: string;
    /** The dirname being fixed (NFOFIX: the release; DIRFIX: the wrong dirname). */
    readonly fixes: string;
    /** The fix tag as the name spells it (NFOFIX, NFOFiX, DIRFIX, DiRFiX). */
    readonly fix: string;
    readonly date: string;
  };
  readonly tool: { readonly name: string; readonly version: string };
}

export function renderFixNfo(template: string, data: FixTextData, maxWidth = 80): Promise<RenderedText> {
  return render(template, data, 'NFO', maxWidth);
}

export function renderDiz(template: string, data: DiskTextData, maxWidth = 44): Promise<RenderedText> {
  return render(template, data, 'file_id.diz', maxWidth);
}

/** `[01/07]`: two digits each, as the eBOOK rules' `DISK: [xx/??]` form. */
export function diskCounter(number: number, total: number): string {
  const width = Math.max(2, String(total).length);
  return `[${String(number).padStart(width, '0')}/${String(total).padStart(width, '0')}]`;
}

const DISK_COUNTER = /\[(\d{2,})\/(\d{2,})\]/;

export function readDiskCounter(text: string): { number: number; total: number } | null {
  const m = DISK_COUNTER.exec(text);
  return m ? { number: Number(m[1]), total: Number(m[2]) } : null;
}
