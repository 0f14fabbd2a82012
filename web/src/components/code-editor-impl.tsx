import { liquid } from '@codemirror/lang-liquid';
import { EditorState } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { basicSetup, EditorView } from 'codemirror';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/** What the stand-in textarea had when CodeMirror replaced it. */
export interface HandOver {
  readonly focused: boolean;
  readonly selectionStart: number;
  readonly selectionEnd: number;
}

export interface CodeEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly label: string;
  readonly dark: boolean;
  readonly handOver?: RefObject<HandOver | null>;
}

/** CodeMirror 6 with Liquid highlighting; kept in its own chunk, loaded only where templates are edited. */
export default function CodeEditorImpl({ value, onChange, label, dark, handOver }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  // Which `value` props are news. A render's value can be older than the editor's text (the mount
  // render's, when a key landed before React's passive effects; any render while keys arrive):
  // pushing it back would undo those keys, as it did for fast typists. So a value the editor
  // itself sent is an echo and skipped; only another one (a template loaded) replaces the text.
  const seen = useRef(value);
  const sent = useRef<string[]>([]);
  const syncing = useRef(false);

  // A layout effect: the editor exists (and holds the focus) before the browser handles the next
  // key, so a keystroke arriving as the stand-in textarea goes away still lands in the text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is rebuilt only when the theme changes; value updates flow through the effect below
  useLayoutEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          liquid(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || syncing.current) return;
            const text = u.state.doc.toString();
            sent.current.push(text);
            changed.current(text);
          }),
          ...(dark ? [oneDark] : []),
        ],
      }),
    });
    view.current = editor;
    seen.current = value;
    sent.current = [];
    const given = handOver?.current;
    if (given?.focused) {
      const length = editor.state.doc.length;
      editor.dispatch({
        selection: {
          anchor: Math.min(given.selectionStart, length),
          head: Math.min(given.selectionEnd, length),
        },
      });
      editor.focus();
    }
    // Handed over once: a later rebuild (a theme change) must not pull the focus back here.
    if (handOver) handOver.current = null;
    return () => editor.destroy();
  }, [dark, label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || value === seen.current) return;
    seen.current = value;
    const echo = sent.current.indexOf(value);
    if (echo >= 0) {
      // Props come back in the order they were sent: the ones before it never will.
      sent.current.splice(0, echo + 1);
      return;
    }
    sent.current = [];
    if (editor.state.doc.toString() === value) return;
    syncing.current = true;
    try {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    } finally {
      syncing.current = false;
    }
  }, [value]);

  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
