import { useI18n } from '../i18n/i18n';

/** Scene NFOs are read in 80-column viewers; anything past it wraps on the reader's screen. */
export const NFO_WIDTH = 80;

export interface NfoLine {
  readonly text: string;
  /** The part past the width limit, shown highlighted. */
  readonly overflow: string;
}

/**
 * Splits NFO text (already decoded from CP437 by the server) into display lines. Widths count code
 * points, since every CP437 byte is one character cell, including the box and block graphics.
 */
export function nfoLines(text: string, width = NFO_WIDTH): NfoLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => {
      const cells = Array.from(line);
      return { text: cells.slice(0, width).join(''), overflow: cells.slice(width).join('') };
    });
}

export function NfoView({
  text,
  width = NFO_WIDTH,
  label,
}: {
  text: string;
  width?: number;
  label?: string;
}) {
  const { t } = useI18n();
  const lines = nfoLines(text, width);
  const over = lines.filter((l) => l.overflow).length;
  return (
    <div className="stack">
      {over > 0 ? (
        <div className="banner warn" role="status">
          {t('nfo.overWidth', { count: over, width })}
        </div>
      ) : null}
      <figure className="nfo-figure" aria-label={label ?? t('nfo.preview')}>
        <pre className="nfo" data-testid="nfo-preview">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
            <span key={i}>
              {l.text}
              {l.overflow ? <span className="over">{l.overflow}</span> : null}
              {'\n'}
            </span>
          ))}
        </pre>
      </figure>
    </div>
  );
}
