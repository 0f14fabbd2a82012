import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Findings } from '../../components/findings';
import { NfoView } from '../../components/nfo-view';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../lib/auth';
import { formatBytes } from '../../lib/format';
import { toFullState, toServerState, type WizardState } from '../wizard-logic';

export function usePreview(state: WizardState) {
  return useQuery({
    queryKey: ['wizard', 'preview', toServerState(state.draft)],
    queryFn: () => unwrap(api.POST('/api/wizard/preview', { body: toFullState(state.draft) })),
    retry: false,
  });
}

/** The whole plan before anything is written: name, findings, volumes, disks, NFO and SFV. */
export function ReviewStep({
  state,
  update,
}: {
  state: WizardState;
  update: (fn: (s: WizardState) => WizardState) => void;
}) {
  const { t, language } = useI18n();
  const { user } = useAuth();
  const preview = usePreview(state);
  if (preview.isLoading) return <Loading />;
  if (!preview.data) return <ErrorBanner error={preview.error} />;
  const plan = preview.data;
  const blocking = plan.findings.filter((f) => f.severity === 'block');
  const overrides = state.draft.overrides ?? [];
  const destinations = (state.info.delivery?.destinations ?? []) as {
    name: string;
    protocol: string;
    host: string;
  }[];

  return (
    <div className="stack" style={{ gap: '1rem' }}>
      <section className="card">
        <h3>{t('review.name')}</h3>
        <p
          className="mono"
          data-testid="review-name"
          style={{ fontSize: '1.1rem', overflowWrap: 'anywhere' }}
        >
          {plan.releaseName}
        </p>
        <dl className="kv small">
          <dt>{t('wizard.profile')}</dt>
          <dd className="mono">{plan.profile}</dd>
          <dt>{t('packing.volumeSize')}</dt>
          <dd>
            {(plan.volumeSize / 1e6).toLocaleString(language)} MB ·{' '}
            {t('review.volumeCount', { count: plan.volumes.length })}
          </dd>
          <dt>{t('review.delivery')}</dt>
          <dd>
            {destinations.length
              ? destinations.map((d) => `${d.name} (${d.protocol.toUpperCase()})`).join(', ')
              : t('review.noDelivery')}
          </dd>
        </dl>
        {plan.notes.length ? (
          <ul className="small muted">
            {plan.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="card">
        <h3>{t('findings.title')}</h3>
        <Findings findings={plan.findings} emptyText={t('findings.none')} />
        {blocking.length > 0 && user?.role === 'admin' ? (
          <fieldset style={{ marginTop: '0.75rem' }}>
            <legend>{t('review.override')}</legend>
            <p className="small muted">{t('review.overrideHint')}</p>
            {[...new Set(blocking.map((f) => f.id))].map((id) => (
              <label key={id} className="check">
                <input
                  type="checkbox"
                  checked={overrides.includes(id)}
                  onChange={(e) =>
                    update((s) => ({
                      ...s,
                      draft: {
                        ...s.draft,
                        overrides: e.target.checked ? [...overrides, id] : overrides.filter((x) => x !== id),
                      },
                    }))
                  }
                />
                <span className="mono">{id}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </section>
      <div className="grid review-grid" style={{ alignItems: 'start' }}>
        <section className="card">
          <h3>{t('review.files')}</h3>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('job.file')}</th>
                  <th className="num">{t('job.size')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.volumes.map((v) => (
                  <tr key={v.name}>
                    <td className="mono small">
                      {plan.disks?.find((d) => d.volume === v.name)?.zip
                        ? `${plan.disks.find((d) => d.volume === v.name)!.zip} › ${v.name}`
                        : v.name}
                    </td>
                    <td className="num">{formatBytes(v.size, language)}</td>
                  </tr>
                ))}
                <tr>
                  <td className="mono small">{plan.nfo.name}</td>
                  <td className="num">{formatBytes(plan.nfo.text.length, language)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          {plan.sfv ? (
            <>
              <h3 style={{ marginTop: '1rem' }}>SFV</h3>
              <pre className="log" style={{ height: 'auto', maxHeight: 200 }}>
                {plan.sfv}
              </pre>
            </>
          ) : null}
        </section>
        <section className="card">
          <h3>{plan.nfo.name}</h3>
          <NfoView text={plan.nfo.text} />
        </section>
      </div>
    </div>
  );
}
