import type { Finding } from '../app/index.js';

const useColor = (stream?: NodeJS.WriteStream) => !process.env.NO_COLOR && Boolean(stream?.isTTY);

/** Follow-on findings shown under their cause; --json has them all. */
const MAX_EFFECTS_SHOWN = 4;

/**
 * One line per finding: severity, rule id, what is wrong; the rule and its source below, then
 * what follows from it, indented.
 */
export function formatFindings(findings: readonly Finding[], stream?: NodeJS.WriteStream): string {
  if (findings.length === 0) return '';
  const color = useColor(stream);
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return `${findings
    .map((f) => {
      const tag = f.severity === 'block' ? paint(31, 'BLOCK') : paint(33, 'warn ');
      // A finding named after its file says so in its text; others name their subject.
      const subject = f.subject && !f.detail.includes(f.subject) ? ` [${f.subject}]` : '';
      const effects = f.effects ?? [];
      const shown = effects.slice(0, MAX_EFFECTS_SHOWN).map((e) => `\n         then: ${e.detail}`);
      const more =
        effects.length > MAX_EFFECTS_SHOWN
          ? `\n         … ${effects.length - MAX_EFFECTS_SHOWN} more (--json lists them)`
          : '';
      return `  ${tag} ${f.id}: ${f.detail}${subject}\n         rule: ${f.message} (${f.ref})${shown.join('')}${more}`;
    })
    .join('\n')}\n`;
}
