import { FindingCollector, type RuleProfile } from '../rules/index.js';
import type { RenderedText } from '../text/index.js';

/** Findings for rendered text: width and height limits, and characters CP437 had to replace. */
export function textFindings(
  out: FindingCollector,
  what: 'nfo' | 'diz',
  fileName: string,
  rendered: RenderedText,
  limits: { maxWidth: number; maxLines?: number },
): void {
  const id = what === 'nfo' ? 'release.nfo-width' : 'release.diz-size';
  for (const line of rendered.overWidth) {
    out.add(id, `${fileName} line ${line.line} is ${line.width} columns (max ${limits.maxWidth})`, fileName);
  }
  if (limits.maxLines !== undefined && rendered.lineCount > limits.maxLines) {
    out.add(id, `${fileName} has ${rendered.lineCount} lines (max ${limits.maxLines})`, fileName);
  }
}

export function collectorFor(profile: RuleProfile): FindingCollector {
  return new FindingCollector(profile);
}
