// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { EditorView } from 'codemirror';
import { useLayoutEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import CodeEditorImpl from './code-editor-impl';

afterEach(cleanup);

const view = () => EditorView.findFromDOM(document.querySelector('.cm-editor') as HTMLElement)!;
const doc = () => view().state.doc.toString();

/**
 * Types into the editor from a layout effect that runs right after the editor's own: the moment
 * a fast typist's key lands once CodeMirror exists but before React's passive effects have run.
 */
function KeyRightAfterMount({ text }: { text: string }) {
  useLayoutEffect(() => {
    view().dispatch({ changes: { from: 0, to: view().state.doc.length, insert: text } });
  }, [text]);
  return null;
}

function Page({ initial, early }: { initial: string; early?: string }) {
  const [body, setBody] = useState(initial);
  return (
    <>
      <CodeEditorImpl value={body} onChange={setBody} label="Template" dark={false} />
      {early !== undefined ? <KeyRightAfterMount text={early} /> : null}
      <output data-testid="state">{body}</output>
    </>
  );
}

function Loader() {
  const [body, setBody] = useState('');
  return (
    <>
      <CodeEditorImpl value={body} onChange={setBody} label="Template" dark={false} />
      <button type="button" onClick={() => setBody('LOADED {{ release.name }}')}>
        load
      </button>
    </>
  );
}

describe('the template code editor', () => {
  it('keeps a key typed between its mount and React’s passive effects (the prop is not pushed back over it)', async () => {
    const { getByTestId } = render(<Page initial={'{{ release.name }}\n'} early="M" />);
    await act(async () => {});
    expect(doc()).toBe('M');
    expect(getByTestId('state').textContent).toBe('M');
  });

  it('keeps every key when renders arrive one keystroke behind', async () => {
    const { getByTestId } = render(<Page initial="" />);
    await act(async () => {
      for (const key of 'ABC') view().dispatch({ changes: { from: view().state.doc.length, insert: key } });
    });
    expect(doc()).toBe('ABC');
    expect(getByTestId('state').textContent).toBe('ABC');
  });

  it('still takes a value changed from outside (a template loaded after the editor opened)', async () => {
    const { getByText } = render(<Loader />);
    await act(async () => {
      getByText('load').click();
    });
    expect(doc()).toBe('LOADED {{ release.name }}');
  });
});
