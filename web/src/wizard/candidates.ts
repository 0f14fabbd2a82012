// Provider candidates as the wizard shows them, and how picking one fills the metadata form.

export interface Candidate {
  readonly provider: string;
  readonly id: string;
  readonly title: string;
  readonly score: number;
  readonly authors?: readonly string[];
  readonly year?: number | null;
  readonly publisher?: string | null;
  readonly isbn?: string | null;
  readonly pages?: number | null;
  readonly language?: string | null;
  readonly season?: number | null;
  readonly episode?: number | null;
  readonly episodeTitle?: string | null;
  readonly airDate?: string | null;
}

/** The metadata fields a chosen candidate sets; fields it does not know are left as they were. */
export function candidateMeta(type: 'ebook' | 'tv', c: Candidate): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') out[key] = String(value);
  };
  if (type === 'ebook') {
    put('title', c.title);
    put('author', c.authors?.[0]);
    put('year', c.year);
    put('publisher', c.publisher);
    put('isbn', c.isbn);
    put('pages', c.pages);
  } else {
    put('show', c.title);
    put('season', c.season);
    put('episode', c.episode);
    put('title', c.episodeTitle);
    put('date', c.airDate);
  }
  return out;
}

export function describeCandidate(c: Candidate): string {
  const parts = [c.title];
  if (c.authors?.length) parts.push(c.authors.join(', '));
  if (c.season !== undefined && c.season !== null) {
    parts.push(
      `S${String(c.season).padStart(2, '0')}${c.episode ? `E${String(c.episode).padStart(2, '0')}` : ''}`,
    );
  }
  if (c.episodeTitle) parts.push(`“${c.episodeTitle}”`);
  if (c.year) parts.push(String(c.year));
  if (c.publisher) parts.push(c.publisher);
  return parts.join(' · ');
}
