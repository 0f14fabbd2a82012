import { lazy, Suspense, useRef } from 'react';
import { useTheme } from '../lib/theme';
import type { CodeEditorProps, HandOver } from './code-editor-impl';

const Impl = lazy(() => import('./code-editor-impl'));

/**
 * The template editor. CodeMirror loads in its own chunk; until it has, a plain textarea stands in
 * and is fully editable, so nothing typed in the meantime is lost. When CodeMirror arrives it takes
 * over the text, the focus and the cursor from the textarea.
 */
export function CodeEditor(props: Omit<CodeEditorProps, 'dark' | 'handOver'>) {
  const { theme } = useTheme();
  const handOver = useRef<HandOver | null>(null);
  const remember = (el: HTMLTextAreaElement) => {
    handOver.current = {
      focused: document.activeElement === el,
      selectionStart: el.selectionStart,
      selectionEnd: el.selectionEnd,
    };
  };
  return (
    <Suspense
      fallback={
        <textarea
          className="code-editor"
          rows={20}
          value={props.value}
          aria-label={props.label}
          spellCheck={false}
          onChange={(e) => {
            props.onChange(e.target.value);
            remember(e.target);
          }}
          onSelect={(e) => remember(e.currentTarget)}
          onFocus={(e) => remember(e.currentTarget)}
          onBlur={() => {
            if (handOver.current) handOver.current = { ...handOver.current, focused: false };
          }}
        />
      }
    >
      <Impl {...props} dark={theme === 'dark'} handOver={handOver} />
    </Suspense>
  );
}
