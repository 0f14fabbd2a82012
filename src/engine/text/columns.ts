/**
 * The columns a line takes in an NFO viewer: one per character, tabs to the next multiple of 8.
 * Its own module, so the template thread (which pads with it) loads no CP437 or transliteration
 * tables: iconv-lite and any-ascii are most of what that thread would otherwise hold.
 */
export function columns(line: string): number {
  let width = 0;
  for (const char of line) width = char === '\t' ? (Math.floor(width / 8) + 1) * 8 : width + 1;
  return width;
}
