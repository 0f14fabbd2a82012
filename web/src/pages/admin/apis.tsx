import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';

function ProviderRow({ config }: { config: Schemas['ApiConfig'] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [key, setKey] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-configs'] });
  const put = useMutation({
    mutationFn: (body: { apiKey?: string | null; enabled?: boolean }) =>
      unwrap(
        api.PUT('/api/config/apis/{provider}', { params: { path: { provider: config.provider } }, body }),
      ),
    onSuccess: () => {
      setKey('');
      void refresh();
    },
  });
  const test = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/config/apis/{provider}/test', { params: { path: { provider: config.provider } } }),
      ),
  });
  const testResult = test.data as { ok?: boolean; latencyMs?: number; message?: string } | undefined;
  return (
    <tr>
      <td>
        <strong>{config.provider}</strong>
        <div className="small muted">{config.description}</div>
      </td>
      <td>
        <input
          type="checkbox"
          aria-label={t('apis.enabledFor', { provider: config.provider })}
          checked={config.enabled}
          onChange={(e) => put.mutate({ enabled: e.target.checked })}
        />
      </td>
      <td>
        <div className="stack" style={{ gap: 4 }}>
          <span className="mono small" data-testid={`key-hint-${config.provider}`}>
            {config.hasKey ? config.keyHint : config.keyRequired ? t('apis.noKey') : t('apis.keyOptional')}
          </span>
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (key.trim()) put.mutate({ apiKey: key.trim() });
            }}
          >
            <input
              type="password"
              autoComplete="off"
              aria-label={t('apis.keyFor', { provider: config.provider })}
              placeholder={t('apis.newKey')}
              value={key}
              onChange={(e) => setKey(e.target.value)}
            />
            <button type="submit" className="small" disabled={!key.trim()}>
              {t('common.save')}
            </button>
            {config.hasKey ? (
              <button type="button" className="small danger" onClick={() => put.mutate({ apiKey: null })}>
                {t('apis.removeKey')}
              </button>
            ) : null}
          </form>
          <ErrorBanner error={put.error} />
        </div>
      </td>
      <td className="small">{formatDate(config.updatedAt, language)}</td>
      <td>
        <button type="button" className="small" onClick={() => test.mutate()} disabled={test.isPending}>
          {test.isPending ? t('common.testing') : t('common.test')}
        </button>
        {testResult ? (
          <div className="small" style={{ color: 'var(--ok)' }} role="status">
            {t('apis.testOk', { ms: testResult.latencyMs ?? '?' })}
          </div>
        ) : null}
        {test.error ? <ErrorBanner error={test.error} /> : null}
      </td>
    </tr>
  );
}

export function ApisAdmin() {
  const { t } = useI18n();
  const configs = useQuery({ queryKey: ['api-configs'], queryFn: () => unwrap(api.GET('/api/config/apis')) });
  return (
    <div className="card stack">
      <p className="muted">{t('apis.intro')}</p>
      {configs.isLoading ? <Loading /> : <ErrorBanner error={configs.error} />}
      {configs.data ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('apis.provider')}</th>
                <th>{t('apis.enabled')}</th>
                <th>{t('apis.key')}</th>
                <th>{t('templates.updated')}</th>
                <th>
                  <span className="sr-only">{t('common.test')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {configs.data.items.map((c) => (
                <ProviderRow key={c.provider} config={c} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
