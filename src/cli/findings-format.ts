import type { Finding } from '../app/index.js';

const useColor = (stream?: NodeJS.WriteStream) => !process.env.NO_COLOR && Boolean(stream?.isTTY);

/** One line per finding: severity, rule id, what is wrong; the rule and its source below. */
export function formatFindings(findings: readonly Finding[], stream?: NodeJS.WriteStream): string {
  if (findings.length === 0) return '';
  const color = useColor(stream);
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return `${findings
    .map((f) => {
      const tag = f.severity === 'block' ? paint(31, 'BLOCK') : paint(33, 'warn ');
      return `  ${tag} ${f.id}: ${f.detail}${f.subject ? ` [${f.subject}]` : ''}\n         rule: ${f.message} (${f.ref})`;
    })
    .join('\n')}\n`;
}
