import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { CodeEditor } from '../../components/code-editor';
import { NfoView } from '../../components/nfo-view';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { validateStep } from '../use-wizard';
import { setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

export function NfoStep({ state, update }: StepProps) {
  const { t } = useI18n();
  const type = state.draft.type?.releaseType ?? 'ebook';
  const nfo = state.draft.nfo ?? {};
  const templates = useQuery({ queryKey: ['templates'], queryFn: () => unwrap(api.GET('/api/templates')) });
  const options = (templates.data?.items ?? []).filter((x) => x.kind === 'nfo' && x.releaseType === type);
  const chosen =
    options.find((x) => x.id === nfo.templateId) ?? options.find((x) => x.isDefault) ?? options[0];
  const editing = nfo.body !== undefined;
  const settled = useDebounced(nfo, 400);
  const preview = useQuery({
    queryKey: ['wizard', 'nfo', settled, type],
    queryFn: () =>
      validateStep(state, 'nfo', {
        ...settled,
        ...(settled.templateId || settled.body ? {} : chosen ? { templateId: chosen.id } : {}),
      }),
    enabled: Boolean(settled.body || settled.templateId || chosen),
    placeholderData: (previous) => previous,
    retry: false,
  });
  const info = preview.data?.info as { preview?: string; warnings?: { message?: string }[] } | undefined;
  const set = (changes: Partial<typeof nfo>) =>
    update((s) => setStep(s, 'nfo', { ...(s.draft.nfo ?? {}), ...changes }));

  return (
    <div className="grid grid-2" style={{ alignItems: 'start' }}>
      <div className="stack">
        <div className="field">
          <label htmlFor="nfo-template">{t('nfo.template')}</label>
          <select
            id="nfo-template"
            value={nfo.templateId ?? chosen?.id ?? ''}
            onChange={(e) => set({ templateId: e.target.value, body: undefined })}
          >
            {options.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.builtIn ? ` (${t('templates.builtIn')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={editing}
            onChange={(e) => set({ body: e.target.checked ? (chosen?.body ?? '') : undefined })}
          />
          {t('nfo.customize')}
        </label>
        {editing ? (
          <CodeEditor value={nfo.body ?? ''} onChange={(body) => set({ body })} label={t('nfo.body')} />
        ) : null}
        <div className="field">
          <label htmlFor="nfo-notes">{t('nfo.notes')}</label>
          <textarea
            id="nfo-notes"
            rows={4}
            value={nfo.notes ?? ''}
            onChange={(e) => set({ notes: e.target.value })}
          />
          <span className="hint">{t('nfo.notesHint')}</span>
        </div>
      </div>
      <section className="stack">
        <h3>{t('nfo.preview')}</h3>
        <p className="small muted">{t('nfo.previewHint')}</p>
        <ErrorBanner error={preview.error} />
        {preview.data?.errors.length ? (
          <div className="banner error" role="alert">
            {preview.data.errors.map((e) => e.message).join('; ')}
          </div>
        ) : null}
        {info?.warnings?.length ? (
          <div className="banner warn">
            {info.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no identity
              <div key={i}>{w.message ?? JSON.stringify(w)}</div>
            ))}
          </div>
        ) : null}
        {info?.preview !== undefined ? <NfoView text={info.preview} /> : null}
      </section>
    </div>
  );
}
