/** ISO 639-1 codes and English names → the scene's full-name language tag (upper case). */
const BY_CODE: Readonly<Record<string, string>> = {
  ar: 'ARABIC',
  zh: 'CHINESE',
  cs: 'CZECH',
  da: 'DANISH',
  nl: 'DUTCH',
  fi: 'FINNISH',
  fr: 'FRENCH',
  de: 'GERMAN',
  el: 'GREEK',
  he: 'HEBREW',
  hu: 'HUNGARIAN',
  it: 'ITALIAN',
  ja: 'JAPANESE',
  ko: 'KOREAN',
  no: 'NORWEGIAN',
  nb: 'NORWEGIAN',
  pl: 'POLISH',
  pt: 'PORTUGUESE',
  ru: 'RUSSIAN',
  es: 'SPANISH',
  sv: 'SWEDISH',
  tr: 'TURKISH',
  en: 'ENGLISH',
};

/**
 * Resolves what a user or a file says (`fr`, `fr-FR`, `fre`, `French`) to the profile's own
 * spelling of the tag (`FRENCH`, or `FRENCH`/`iTALiAN` in eBOOK style). English gives `null`:
 * English releases carry no language tag. Unknown languages give `undefined`.
 */
export function languageTag(input: string, profileLanguages: readonly string[]): string | null | undefined {
  const raw = input.trim();
  if (raw === '') return null;
  const lower = raw.toLowerCase();
  const code = lower.split(/[-_]/)[0]!;
  const upper = BY_CODE[code] ?? (code.length === 3 ? THREE_LETTER[code] : undefined) ?? raw.toUpperCase();
  if (upper === 'ENGLISH') return null;
  return profileLanguages.find((l) => l.toUpperCase() === upper);
}

const THREE_LETTER: Readonly<Record<string, string>> = {
  ara: 'ARABIC',
  chi: 'CHINESE',
  zho: 'CHINESE',
  cze: 'CZECH',
  ces: 'CZECH',
  dan: 'DANISH',
  dut: 'DUTCH',
  nld: 'DUTCH',
  fin: 'FINNISH',
  fre: 'FRENCH',
  fra: 'FRENCH',
  ger: 'GERMAN',
  deu: 'GERMAN',
  gre: 'GREEK',
  ell: 'GREEK',
  heb: 'HEBREW',
  hun: 'HUNGARIAN',
  ita: 'ITALIAN',
  jpn: 'JAPANESE',
  kor: 'KOREAN',
  nor: 'NORWEGIAN',
  pol: 'POLISH',
  por: 'PORTUGUESE',
  rus: 'RUSSIAN',
  spa: 'SPANISH',
  swe: 'SWEDISH',
  tur: 'TURKISH',
  eng: 'ENGLISH',
};

/** `fr`, `fre`, `French` → `French`, for NFO text; unknown input is returned as given. */
export function languageName(input: string): string {
  const code = input.trim().toLowerCase().split(/[-_]/)[0]!;
  const upper = BY_CODE[code] ?? THREE_LETTER[code];
  if (!upper) return input;
  return upper.charAt(0) + upper.slice(1).toLowerCase();
}
