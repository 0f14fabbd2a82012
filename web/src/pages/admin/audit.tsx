import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, Loading, Pager } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';

const PAGE = 50;

export function AuditAdmin() {
  const { t, language } = useI18n();
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const settled = useDebounced(action.trim(), 300);
  const log = useQuery({
    queryKey: ['audit', settled, offset],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit', {
          params: { query: { limit: PAGE, offset, ...(settled ? { action: settled } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="card stack">
      <div className="row">
        <label htmlFor="audit-action">{t('audit.filter')}</label>
        <input
          id="audit-action"
          value={action}
          placeholder="auth.login"
          onChange={(e) => {
            setAction(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      {log.isLoading ? <Loading /> : <ErrorBanner error={log.error} />}
      {log.data ? (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.user')}</th>
                  <th>{t('audit.target')}</th>
                  <th>IP</th>
                  <th>{t('audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="small nowrap">{formatDate(e.at, language)}</td>
                    <td className="mono small">{e.action}</td>
                    <td>{e.username ?? (e.userId ? e.userId.slice(0, 8) : '—')}</td>
                    <td className="small truncate" style={{ maxWidth: 220 }}>
                      {e.target ?? '—'}
                    </td>
                    <td className="mono small">{e.ip ?? '—'}</td>
                    <td
                      className="mono small truncate"
                      style={{ maxWidth: 280 }}
                      title={e.details ? JSON.stringify(e.details) : ''}
                    >
                      {e.details ? JSON.stringify(e.details) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} limit={PAGE} total={log.data.total} onChange={setOffset} />
        </>
      ) : null}
    </div>
  );
}
