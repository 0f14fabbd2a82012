import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { ErrorBanner, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../lib/format';

export default function TemplatesPage() {
  const { t, language } = useI18n();
  const list = useQuery({ queryKey: ['templates'], queryFn: () => unwrap(api.GET('/api/templates')) });
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('templates.title')}</h1>
        <Link className="button primary" to="/templates/new">
          {t('templates.new')}
        </Link>
      </div>
      <div className="card">
        {list.isLoading ? <Loading /> : <ErrorBanner error={list.error} />}
        {list.data ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('templates.name')}</th>
                  <th>{t('templates.kind')}</th>
                  <th>{t('jobs.type')}</th>
                  <th>{t('templates.scope')}</th>
                  <th>{t('templates.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((tpl) => (
                  <tr key={tpl.id}>
                    <td>
                      <Link to={`/templates/${tpl.id}`}>{tpl.name}</Link>
                      {tpl.isDefault ? (
                        <span className="badge" style={{ marginLeft: 8 }}>
                          {t('templates.default')}
                        </span>
                      ) : null}
                      {tpl.description ? <div className="small muted">{tpl.description}</div> : null}
                    </td>
                    <td className="mono">{tpl.kind.toUpperCase()}</td>
                    <td>{t(`type.${tpl.releaseType}`)}</td>
                    <td>
                      {tpl.builtIn
                        ? t('templates.builtIn')
                        : tpl.ownerId
                          ? t('templates.private')
                          : t('templates.global')}
                    </td>
                    <td className="small nowrap">
                      {tpl.builtIn ? '—' : formatDate(tpl.updatedAt, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  );
}
