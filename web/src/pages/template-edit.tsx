import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema.gen';
import { CodeEditor } from '../components/code-editor';
import { NfoView } from '../components/nfo-view';
import { ErrorBanner, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { useAuth } from '../lib/auth';
import { useDebounced } from '../lib/use-debounced';

interface Form {
  name: string;
  description: string;
  kind: 'nfo' | 'diz';
  releaseType: 'ebook' | 'tv';
  body: string;
  isDefault: boolean;
  private: boolean;
}

const BLANK: Form = {
  name: '',
  description: '',
  kind: 'nfo',
  releaseType: 'ebook',
  body: '{{ release.name }}\n',
  isDefault: false,
  private: false,
};

export default function TemplateEditPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const existing = useQuery({
    queryKey: ['template', id],
    queryFn: () => unwrap(api.GET('/api/templates/{id}', { params: { path: { id } } })),
    enabled: !isNew,
  });
  const variables = useQuery({
    queryKey: ['template-variables'],
    queryFn: () => unwrap(api.GET('/api/templates/variables')),
  });
  const [form, setForm] = useState<Form>(BLANK);
  useEffect(() => {
    const x = existing.data;
    if (x)
      setForm({
        name: x.name,
        description: x.description ?? '',
        kind: x.kind as 'nfo',
        releaseType: x.releaseType as 'ebook',
        body: x.body,
        isDefault: x.isDefault,
        private: Boolean(x.ownerId),
      });
  }, [existing.data]);
  const readOnly =
    Boolean(existing.data?.builtIn) || (existing.data?.ownerId === null && user?.role !== 'admin' && !isNew);
  const settled = useDebounced({ body: form.body, kind: form.kind, releaseType: form.releaseType }, 300);
  const preview = useQuery({
    queryKey: ['template-preview', settled],
    queryFn: () => unwrap(api.POST('/api/templates/render', { body: settled })),
    enabled: settled.body.trim().length > 0,
    placeholderData: (previous) => previous,
    retry: false,
  });
  const save = useMutation({
    mutationFn: async () => {
      const body = {
        name: form.name,
        description: form.description || null,
        kind: form.kind,
        releaseType: form.releaseType,
        body: form.body,
        isDefault: form.isDefault,
      };
      if (isNew) return unwrap(api.POST('/api/templates', { body: { ...body, private: form.private } }));
      return unwrap(api.PUT('/api/templates/{id}', { params: { path: { id } }, body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
      void queryClient.invalidateQueries({ queryKey: ['template', saved.id] });
      if (isNew) navigate(`/templates/${saved.id}`, { replace: true });
    },
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/templates/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
      navigate('/templates');
    },
  });
  const duplicate = () => {
    setForm((f) => ({ ...f, name: `${f.name} (copy)`, isDefault: false }));
    navigate('/templates/new', { replace: false, state: null });
  };

  if (!isNew && existing.isLoading) return <Loading />;
  if (!isNew && !existing.data) return <ErrorBanner error={existing.error} />;
  const vars = (variables.data?.items ?? []).filter((v) => form.kind === 'diz' || !v.dizOnly);

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{isNew ? t('templates.new') : form.name}</h1>
        <div className="row">
          {readOnly ? (
            <button type="button" onClick={duplicate}>
              {t('templates.duplicate')}
            </button>
          ) : null}
          {!isNew && !readOnly ? (
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (window.confirm(t('templates.confirmDelete'))) remove.mutate();
              }}
            >
              {t('common.delete')}
            </button>
          ) : null}
          {!readOnly ? (
            <button
              type="button"
              className="primary"
              onClick={() => save.mutate()}
              disabled={save.isPending || !form.name.trim()}
            >
              {t('common.save')}
            </button>
          ) : null}
        </div>
      </div>
      {readOnly ? <div className="banner info">{t('templates.readOnly')}</div> : null}
      <ErrorBanner error={save.error ?? remove.error} />
      {save.isSuccess ? (
        <div className="banner ok" role="status">
          {t('common.saved')}
        </div>
      ) : null}
      <div className="card grid grid-3">
        <div className="field">
          <label htmlFor="tpl-name">{t('templates.name')}</label>
          <input
            id="tpl-name"
            value={form.name}
            readOnly={readOnly}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="tpl-kind">{t('templates.kind')}</label>
          <select
            id="tpl-kind"
            value={form.kind}
            disabled={readOnly}
            onChange={(e) => setForm({ ...form, kind: e.target.value as 'nfo' })}
          >
            <option value="nfo">NFO</option>
            <option value="diz">file_id.diz</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="tpl-type">{t('jobs.type')}</label>
          <select
            id="tpl-type"
            value={form.releaseType}
            disabled={readOnly}
            onChange={(e) => setForm({ ...form, releaseType: e.target.value as 'ebook' })}
          >
            <option value="ebook">{t('type.ebook')}</option>
            <option value="tv">{t('type.tv')}</option>
          </select>
        </div>
        <div className="field" style={{ gridColumn: 'span 2' }}>
          <label htmlFor="tpl-desc">{t('templates.description')}</label>
          <input
            id="tpl-desc"
            value={form.description}
            readOnly={readOnly}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
        </div>
        <div className="stack" style={{ gap: 4, justifyContent: 'end' }}>
          <label className="check">
            <input
              type="checkbox"
              checked={form.isDefault}
              disabled={readOnly}
              onChange={(e) => setForm({ ...form, isDefault: e.target.checked })}
            />
            {t('templates.makeDefault')}
          </label>
          {isNew && user?.role === 'admin' ? (
            <label className="check">
              <input
                type="checkbox"
                checked={form.private}
                onChange={(e) => setForm({ ...form, private: e.target.checked })}
              />
              {t('templates.privateOnly')}
            </label>
          ) : null}
        </div>
      </div>
      <div className="grid grid-2" style={{ alignItems: 'start' }}>
        <section className="stack">
          <h2>{t('templates.body')}</h2>
          {readOnly ? (
            <pre className="log" style={{ height: 420 }}>
              {form.body}
            </pre>
          ) : (
            <CodeEditor
              value={form.body}
              onChange={(body) => setForm((f) => ({ ...f, body }))}
              label={t('templates.body')}
            />
          )}
          <details className="card">
            <summary>
              <strong>{t('templates.variables')}</strong>
            </summary>
            <div className="table-wrap" style={{ maxHeight: 320, overflow: 'auto', marginTop: 8 }}>
              <table>
                <tbody>
                  {vars.map((v) => (
                    <tr key={v.name}>
                      <td className="mono small nowrap">{`{{ ${v.name} }}`}</td>
                      <td className="small">
                        {v.description}
                        <div className="muted mono">
                          {v.type} · {JSON.stringify(v.example)}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
        <section className="stack">
          <h2>{t('templates.preview')}</h2>
          <p className="small muted">{t('templates.previewHint')}</p>
          <ErrorBanner error={preview.error} />
          {preview.data?.warnings.length ? (
            <div className="banner warn" data-testid="template-warnings">
              {preview.data.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity
                <div key={i}>{warningText(w, t)}</div>
              ))}
            </div>
          ) : null}
          {preview.data ? <NfoView text={preview.data.text} width={form.kind === 'diz' ? 44 : 80} /> : null}
        </section>
      </div>
    </div>
  );
}

type RenderWarning = components['schemas']['TemplatePreview']['warnings'][number];

/** One line per warning, in the reader's language: where and what a site would notice. */
function warningText(w: RenderWarning, t: ReturnType<typeof useI18n>['t']): string {
  switch (w.type) {
    case 'width':
      return t('templates.warnWidth', { line: w.line, width: w.width, max: w.max });
    case 'height':
      return t('templates.warnHeight', { lines: w.lines, max: w.max });
    case 'charset':
      return t('templates.warnCharset', {
        line: w.line,
        column: w.column,
        char: w.char,
        replacement: w.replacement,
      });
    case 'counter':
      return w.message;
  }
}
