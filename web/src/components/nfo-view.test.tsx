// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { NfoView, nfoLines } from './nfo-view';

afterEach(cleanup);

describe('NFO preview', () => {
  it('counts one cell per CP437 character, box and block graphics included', () => {
    const art = `${'█'.repeat(78)}▓▒\n╔${'═'.repeat(80)}╗`;
    const lines = nfoLines(art, 80);
    expect(lines[0]).toEqual({ text: `${'█'.repeat(78)}▓▒`, overflow: '' });
    expect(lines[1]!.text).toBe(`╔${'═'.repeat(79)}`);
    expect(lines[1]!.overflow).toBe('═╗');
  });

  it('takes CRLF and CR line ends, and drops only the final newline', () => {
    expect(nfoLines('a\r\nb\rc\n').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(nfoLines('a\n\n').map((l) => l.text)).toEqual(['a', '']);
  });

  it('renders the text as it is, marking what is past the width and saying how many lines', () => {
    localStorage.setItem('relpack.language', 'en');
    const text = `${'░'.repeat(10)}\n${'x'.repeat(85)}\n  relpack  `;
    render(
      <I18nProvider>
        <NfoView text={text} />
      </I18nProvider>,
    );
    const pre = screen.getByTestId('nfo-preview');
    expect(pre.tagName).toBe('PRE');
    expect(pre.textContent).toBe(`${text}\n`);
    const over = pre.querySelectorAll('.over');
    expect(over).toHaveLength(1);
    expect(over[0]!.textContent).toBe('xxxxx');
    expect(screen.getByRole('status').textContent).toContain('1 line(s) wider than 80 columns');
  });

  it('says nothing about width when every line fits, and speaks French when asked', () => {
    localStorage.setItem('relpack.language', 'fr');
    render(
      <I18nProvider>
        <NfoView text={'x'.repeat(100)} />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain('dépassent 80 colonnes');
    cleanup();
    render(
      <I18nProvider>
        <NfoView text="short" />
      </I18nProvider>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('figure').getAttribute('aria-label')).toBe('Aperçu du NFO');
  });
});
