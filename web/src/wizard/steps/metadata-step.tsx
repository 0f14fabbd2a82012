import { useEffect, useState } from 'react';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { type Candidate, candidateMeta, describeCandidate } from '../candidates';
import { useStepValidation } from '../use-wizard';
import { META_FIELDS, prefillMeta, REQUIRED_META, setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

const PROVIDERS = { ebook: ['openlibrary', 'googlebooks'], tv: ['tmdb', 'omdb', 'tvdb'] } as const;

export function MetadataStep({ state, update, answer }: StepProps) {
  const { t } = useI18n();
  const type = state.draft.type?.releaseType ?? 'ebook';
  const meta = state.draft.metadata?.meta ?? {};
  const lookup = useStepValidation();
  const [provider, setProvider] = useState('');
  const [pinId, setPinId] = useState('');
  const source = state.draft.source;
  const fileName = source?.kind === 'local' ? (source.path.split('/').pop() ?? '') : '';

  // First visit: start from what the file itself says.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the step opens without metadata
  useEffect(() => {
    if (state.draft.metadata) return;
    const fileMeta = state.info.source?.metadata as Record<string, unknown> | null | undefined;
    update((s) => setStep(s, 'metadata', { meta: prefillMeta(type, {}, fileMeta, fileName) }));
  }, []);

  const setField = (key: string, value: string) =>
    update((s) =>
      setStep(s, 'metadata', {
        ...(s.draft.metadata ?? { meta: {} }),
        meta: { ...(s.draft.metadata?.meta ?? {}), [key]: value },
      }),
    );
  const fieldErrors = new Map(
    (answer?.errors ?? []).flatMap((e) => {
      const m = /^Invalid --meta: (.*)$/.exec(e.message);
      return (m ? m[1]!.split('; ') : [e.message]).map((p) => [p.split(':')[0]!.trim(), p] as const);
    }),
  );
  const result = lookup.data?.info as
    | {
        candidates?: Candidate[];
        tried?: { provider: string; outcome: string; error?: string }[];
        lookupError?: { message: string };
      }
    | undefined;

  return (
    <div className="grid grid-2" style={{ alignItems: 'start' }}>
      <fieldset>
        <legend>{t('meta.fields')}</legend>
        <div className="grid grid-2">
          {META_FIELDS[type].map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`meta-${key}`}>
                {t(`meta.${key}` as 'meta.title')}
                {REQUIRED_META[type].includes(key) ? <span aria-hidden="true"> *</span> : null}
              </label>
              <input
                id={`meta-${key}`}
                name={key}
                value={meta[key] ?? ''}
                aria-invalid={fieldErrors.has(key)}
                onChange={(e) => setField(key, e.target.value)}
              />
              {fieldErrors.has(key) ? <span className="error">{fieldErrors.get(key)}</span> : null}
            </div>
          ))}
        </div>
      </fieldset>
      <section className="stack">
        <h3>{t('meta.lookupTitle')}</h3>
        <p className="small muted">{t('meta.lookupHint')}</p>
        <div className="row">
          <label className="sr-only" htmlFor="provider">
            {t('meta.provider')}
          </label>
          <select id="provider" value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">{t('meta.providerChain')}</option>
            {PROVIDERS[type].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="pin-id">
            {t('meta.pinId')}
          </label>
          <input
            id="pin-id"
            value={pinId}
            disabled={!provider}
            placeholder={t('meta.pinId')}
            title={t('meta.pinHint')}
            onChange={(e) => setPinId(e.target.value)}
            style={{ width: 170 }}
          />
          <button
            type="button"
            disabled={lookup.isPending}
            onClick={() =>
              lookup.mutate({
                state,
                step: 'metadata',
                data: {
                  meta: Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim())),
                  lookup: true,
                  ...(provider ? { provider: pinId.trim() ? `${provider}:${pinId.trim()}` : provider } : {}),
                },
              })
            }
          >
            {lookup.isPending ? t('meta.searching') : t('meta.lookup')}
          </button>
        </div>
        <ErrorBanner error={lookup.error} />
        {result?.lookupError ? <div className="banner warn">{result.lookupError.message}</div> : null}
        {result?.tried?.length ? (
          <p className="small muted">
            {result.tried
              .map((x) => `${x.provider}: ${x.outcome}${x.error ? ` (${x.error})` : ''}`)
              .join(' · ')}
          </p>
        ) : null}
        {result?.candidates ? (
          result.candidates.length === 0 ? (
            <p className="muted">{t('meta.noCandidates')}</p>
          ) : (
            <ul className="findings" aria-label={t('meta.candidates')}>
              {result.candidates.map((c) => (
                <li key={`${c.provider}-${c.id}`} style={{ borderLeftColor: 'var(--accent)' }}>
                  <div className="row">
                    <span className="badge" title={t('meta.score')}>
                      {Math.round(c.score * 100)}%
                    </span>
                    <span className="spacer">{describeCandidate(c)}</span>
                    <button
                      type="button"
                      className="small"
                      onClick={() =>
                        update((s) =>
                          setStep(s, 'metadata', {
                            meta: { ...(s.draft.metadata?.meta ?? {}), ...candidateMeta(type, c) },
                            provider: `${c.provider}:${c.id}`,
                          }),
                        )
                      }
                    >
                      {t('meta.use')}
                    </button>
                  </div>
                  <div className="small muted mono">
                    {c.provider} #{c.id}
                  </div>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>
    </div>
  );
}
