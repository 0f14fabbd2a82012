import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { setStep } from '../wizard-logic';
import type { StepProps } from './step-props';

export function DeliveryStep({ state, update }: StepProps) {
  const { t } = useI18n();
  const destinations = useQuery({
    queryKey: ['destinations'],
    queryFn: () => unwrap(api.GET('/api/destinations')),
  });
  const chosen = state.draft.delivery?.destinations ?? [];
  const toggle = (id: string, on: boolean) =>
    update((s) =>
      setStep(s, 'delivery', {
        destinations: on ? [...chosen, id] : chosen.filter((x) => x !== id),
      }),
    );
  if (destinations.isLoading) return <Loading />;
  const items = destinations.data?.items ?? [];
  return (
    <div className="stack">
      <ErrorBanner error={destinations.error} />
      <p className="muted">{t('delivery.hint')}</p>
      {items.length === 0 ? <p className="empty">{t('delivery.none')}</p> : null}
      <div className="choice-grid">
        {items.map((d) => (
          <label key={d.id} className="choice" style={d.enabled ? undefined : { opacity: 0.6 }}>
            <input
              type="checkbox"
              disabled={!d.enabled}
              checked={chosen.includes(d.id) || chosen.includes(d.name)}
              onChange={(e) => toggle(d.id, e.target.checked)}
            />
            <span>
              <strong>{d.name}</strong>
              <br />
              <span className="small muted">
                {d.protocol.toUpperCase()} · {d.host}:{d.port}
                {d.enabled ? '' : ` · ${t('delivery.disabled')}`}
              </span>
            </span>
          </label>
        ))}
      </div>
    </div>
  );
}
