import anyAscii from 'any-ascii';

export interface NormalisedWords {
  readonly words: string[];
  /** True when characters were transliterated or dropped (not for ordinary punctuation). */
  readonly changed: boolean;
}

/**
 * Turns free text into dirname words: accents transliterated (é→e, ß→ss, Æ→AE), `&` spelled
 * out, apostrophes dropped (Don't → Dont), any other punctuation a word break, so the words
 * join with single dots and punctuation never repeats.
 */
export function normaliseWords(text: string): NormalisedWords {
  const nfc = text.normalize('NFC');
  const ascii = anyAscii(nfc)
    .replace(/\s*&\s*/g, ' and ')
    .replace(/['`´’‘]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  // Dots and spaces between words are the normal case; only transliteration or dropped characters count.
  const changed = anyAscii(nfc) !== nfc || /[^A-Za-z0-9\s.,:;!?()\-_/]/.test(nfc);
  return { words, changed };
}

export function dotted(text: string): string {
  return normaliseWords(text).words.join('.');
}

/** Lower case, only [a-z0-9], for file name stems. */
export function fileStemWord(text: string): string {
  return normaliseWords(text).words.join('').toLowerCase();
}
