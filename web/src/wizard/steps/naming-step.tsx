import { useQuery } from '@tanstack/react-query';
import { Findings } from '../../components/findings';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useDebounced } from '../../lib/use-debounced';
import { validateStep } from '../use-wizard';
import { setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

/** Group and (optionally) a hand-written name, checked against the profile as the user types. */
export function NamingStep({ state, update }: StepProps) {
  const { t } = useI18n();
  const naming = state.draft.naming ?? {};
  const settled = useDebounced(naming, 350);
  const live = useQuery({
    queryKey: ['wizard', 'naming', settled, state.draft.type, state.draft.source, state.draft.metadata],
    queryFn: () => validateStep(state, 'naming', settled),
    placeholderData: (previous) => previous,
    retry: false,
  });
  const info = live.data?.info as
    | { name?: string | null; notes?: string[]; note?: string; parsed?: unknown }
    | undefined;
  const findings = live.data?.findings ?? [];
  const set = (changes: { group?: string; name?: string }) =>
    update((s) => setStep(s, 'naming', { ...(s.draft.naming ?? {}), ...changes }));

  return (
    <div className="stack">
      <div className="grid grid-2">
        <div className="field">
          <label htmlFor="group">{t('naming.group')}</label>
          <input
            id="group"
            value={naming.group ?? ''}
            onChange={(e) => set({ group: e.target.value })}
            autoComplete="off"
          />
          <span className="hint">{t('naming.groupHint')}</span>
        </div>
        <div className="field">
          <label htmlFor="name">{t('naming.custom')}</label>
          <input
            id="name"
            className="mono"
            value={naming.name ?? ''}
            placeholder={info?.name && !naming.name ? info.name : ''}
            onChange={(e) => set({ name: e.target.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <span className="hint">{t('naming.customHint')}</span>
        </div>
      </div>
      <section className="card" aria-live="polite">
        <h3>{t('naming.result')}</h3>
        {live.data?.errors.length ? (
          <div className="banner error" role="alert">
            {live.data.errors.map((e) => e.message).join('; ')}
          </div>
        ) : null}
        <ErrorBanner error={live.error} />
        <p
          className="mono"
          data-testid="release-name"
          style={{ fontSize: '1.05rem', overflowWrap: 'anywhere' }}
        >
          {info?.name ?? <span className="muted">{info?.note ?? '…'}</span>}
        </p>
        {info?.notes?.length ? (
          <ul className="small muted">
            {info.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        <Findings findings={findings} emptyText={live.data ? t('naming.clean') : undefined} />
      </section>
    </div>
  );
}
