import { lazy, Suspense } from 'react';
import { useTheme } from '../lib/theme';
import type { CodeEditorProps } from './code-editor-impl';

const Impl = lazy(() => import('./code-editor-impl'));

export function CodeEditor(props: Omit<CodeEditorProps, 'dark'>) {
  const { theme } = useTheme();
  return (
    <Suspense
      fallback={
        <textarea className="code-editor" rows={20} value={props.value} readOnly aria-label={props.label} />
      }
    >
      <Impl {...props} dark={theme === 'dark'} />
    </Suspense>
  );
}
