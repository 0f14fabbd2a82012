import { ERRORS, type ErrorSpec } from './registry.js';

/** The table of docs/errors.md, columns padded the way a Markdown formatter leaves them. */
export function renderErrorTable(): string {
  const header = ['code', 'exit', 'http', 'meaning', 'how to fix', 'introduced'];
  const rows = (Object.entries(ERRORS) as [string, ErrorSpec][]).map(([code, spec]) => [
    `\`${code}\``,
    String(spec.exit),
    String(spec.http),
    spec.meaning,
    spec.fix,
    spec.since,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
