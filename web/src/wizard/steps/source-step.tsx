import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { session } from '../../api/session';
import { ErrorBanner, Loading, ProgressBar } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatBytes } from '../../lib/format';
import { setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

type Mode = 'browse' | 'upload' | 'url';

function Browser({ selected, onSelect }: { selected: string | null; onSelect: (path: string) => void }) {
  const { t, language } = useI18n();
  const [dir, setDir] = useState<string | undefined>(() =>
    selected ? selected.split('/').slice(0, -1).join('/') || undefined : undefined,
  );
  const listing = useQuery({
    queryKey: ['browse', dir ?? ''],
    queryFn: () => unwrap(api.GET('/api/sources/browse', { params: { query: dir ? { path: dir } : {} } })),
    retry: false,
  });
  if (listing.isLoading) return <Loading />;
  if (listing.error) {
    // A folder that vanished or is out of the roots: offer the roots again.
    return (
      <div className="stack">
        <ErrorBanner error={listing.error} />
        <div>
          <button type="button" onClick={() => setDir(undefined)}>
            {t('source.roots')}
          </button>
        </div>
      </div>
    );
  }
  const data = listing.data!;
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row small">
        <span className="muted">{t('source.folder')}</span>
        <span className="mono">{data.path ?? t('source.roots')}</span>
      </div>
      <div className="browser" role="listbox" aria-label={t('source.files')}>
        {data.path ? (
          <button
            type="button"
            onClick={() => {
              const parent = data.path!.split('/').slice(0, -1).join('/');
              setDir(parent && data.entries.length >= 0 ? parent : undefined);
            }}
          >
            ↰ {t('source.up')}
          </button>
        ) : null}
        {data.entries.length === 0 ? <div className="empty">{t('source.emptyFolder')}</div> : null}
        {data.entries.map((e) => (
          <button
            key={e.path}
            type="button"
            role="option"
            aria-selected={selected === e.path}
            onClick={() => (e.type === 'dir' ? setDir(e.path) : onSelect(e.path))}
            disabled={e.type === 'file' && !e.releaseType}
          >
            <span aria-hidden="true">{e.type === 'dir' ? '📁' : '📄'}</span>
            <span className="spacer" style={{ textAlign: 'left' }}>
              {e.name}
            </span>
            {e.type === 'file' ? <span className="muted small">{formatBytes(e.size, language)}</span> : null}
          </button>
        ))}
      </div>
    </div>
  );
}

/** XMLHttpRequest, because fetch cannot report upload progress. */
function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ path: string; name: string; size: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/sources/upload');
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}');
      if (xhr.status === 201) resolve(body);
      else
        reject(new ApiError(xhr.status, body.error?.code ?? 'HTTP', body.error?.message ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new Error('network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export function SourceStep({ state, update, answer }: StepProps) {
  const { t, language } = useI18n();
  const source = state.draft.source;
  const [mode, setMode] = useState<Mode>(source?.kind === 'url' ? 'url' : 'browse');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const setLocal = (path: string) => update((s) => setStep(s, 'source', { kind: 'local', path }));
  const info = (answer?.info ?? state.info.source) as
    | { type?: string; size?: number; path?: string }
    | undefined;

  return (
    <div className="stack">
      <div className="tabs" role="tablist">
        {(['browse', 'upload', 'url'] as const).map((m) => (
          <a
            key={m}
            href={`#${m}`}
            role="tab"
            aria-selected={mode === m}
            className={mode === m ? 'active' : ''}
            onClick={(e) => {
              e.preventDefault();
              setMode(m);
            }}
          >
            {t(`source.mode.${m}`)}
          </a>
        ))}
      </div>
      {mode === 'browse' ? (
        <Browser selected={source?.kind === 'local' ? source.path : null} onSelect={setLocal} />
      ) : null}
      {mode === 'upload' ? (
        <div className="stack">
          <label className="field">
            <span className="field-label">{t('source.uploadLabel')}</span>
            <input
              type="file"
              accept=".epub,.pdf,.cbz,.mobi,.azw,.azw3,.kf8,.prc,.mkv"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setUploadError(null);
                setProgress(0);
                try {
                  const done = await uploadFile(file, setProgress);
                  setLocal(done.path);
                } catch (error) {
                  setUploadError(error);
                } finally {
                  setProgress(null);
                }
              }}
            />
          </label>
          {progress !== null ? <ProgressBar fraction={progress} label={t('source.uploading')} /> : null}
          <ErrorBanner error={uploadError} />
        </div>
      ) : null}
      {mode === 'url' ? (
        <div className="field">
          <label htmlFor="source-url">{t('source.url')}</label>
          <input
            id="source-url"
            type="url"
            placeholder="https://…"
            value={source?.kind === 'url' ? source.url : ''}
            onChange={(e) => update((s) => setStep(s, 'source', { kind: 'url', url: e.target.value }))}
          />
          <span className="hint">{t('source.urlHint')}</span>
        </div>
      ) : null}
      {source?.kind === 'local' ? (
        <div className="banner info" data-testid="source-selected">
          {t('source.selected')} <span className="mono">{source.path.split('/').pop()}</span>
          {info?.type ? ` · ${info.type.toUpperCase()}` : ''}
          {info?.size ? ` · ${formatBytes(info.size, language)}` : ''}
        </div>
      ) : null}
    </div>
  );
}
