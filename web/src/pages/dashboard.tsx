import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { JobsTable } from '../components/jobs-table';
import { ErrorBanner, Loading } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { formatBytes } from '../lib/format';

export function DashboardPage() {
  const { t, language } = useI18n();
  const active = useQuery({
    queryKey: ['jobs', 'active'],
    queryFn: () =>
      unwrap(api.GET('/api/jobs', { params: { query: { status: 'running,pending', limit: 20 } } })),
    refetchInterval: 2_000,
  });
  const recent = useQuery({
    queryKey: ['jobs', 'recent'],
    queryFn: () => unwrap(api.GET('/api/jobs', { params: { query: { limit: 10 } } })),
    refetchInterval: 5_000,
  });
  const status = useQuery({
    queryKey: ['system', 'status'],
    queryFn: () => unwrap(api.GET('/api/system/status')),
    refetchInterval: 30_000,
  });
  const disk = status.data?.disk;
  const used = disk ? 1 - disk.freeBytes / Math.max(1, disk.totalBytes) : 0;

  return (
    <div className="stack" style={{ gap: '1.25rem' }}>
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="row">
          <Link className="button primary" to="/new/type?type=ebook">
            {t('dashboard.newEbook')}
          </Link>
          <Link className="button primary" to="/new/type?type=tv">
            {t('dashboard.newTv')}
          </Link>
        </div>
      </div>
      <div className="grid grid-3">
        <section className="card" aria-labelledby="disk-title">
          <h2 id="disk-title">{t('dashboard.disk')}</h2>
          {disk ? (
            <div className="stack" style={{ gap: 6 }}>
              <div className="stat" data-testid="disk-free">
                {formatBytes(disk.freeBytes, language)}
              </div>
              <span className="muted small">
                {t('dashboard.diskFree', { total: formatBytes(disk.totalBytes, language) })}
              </span>
              <meter
                className="disk-meter"
                aria-label={t('dashboard.diskUsed')}
                min={0}
                max={1}
                high={0.9}
                value={used}
              />
            </div>
          ) : (
            <ErrorBanner error={status.error} />
          )}
        </section>
        <section className="card" aria-labelledby="running-title">
          <h2 id="running-title">{t('dashboard.running')}</h2>
          <div className="stat">{active.data?.items.filter((j) => j.status === 'running').length ?? '—'}</div>
          <span className="muted small">
            {t('dashboard.queued', {
              count: active.data?.items.filter((j) => j.status === 'pending').length ?? 0,
            })}
          </span>
        </section>
        <section className="card" aria-labelledby="server-title">
          <h2 id="server-title">{t('dashboard.server')}</h2>
          {status.data ? (
            <dl className="kv small">
              <dt>{t('dashboard.version')}</dt>
              <dd>{status.data.version}</dd>
              <dt>{t('dashboard.database')}</dt>
              <dd>{status.data.database}</dd>
              <dt>{t('dashboard.queue')}</dt>
              <dd>{status.data.queue === 'redis' ? 'Redis' : t('dashboard.inProcess')}</dd>
            </dl>
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="active-title">
        <h2 id="active-title">{t('dashboard.activeJobs')}</h2>
        {active.isLoading ? <Loading /> : <ErrorBanner error={active.error} />}
        {active.data && active.data.items.length === 0 ? (
          <p className="muted">{t('dashboard.noActive')}</p>
        ) : null}
        {active.data && active.data.items.length > 0 ? (
          <JobsTable jobs={active.data.items} showProgress />
        ) : null}
      </section>
      <section className="card" aria-labelledby="recent-title">
        <div className="page-head" style={{ marginBottom: '0.5rem' }}>
          <h2 id="recent-title" style={{ margin: 0 }}>
            {t('dashboard.recent')}
          </h2>
          <Link to="/jobs">{t('dashboard.allJobs')}</Link>
        </div>
        {recent.isLoading ? <Loading /> : <ErrorBanner error={recent.error} />}
        {recent.data && recent.data.items.length === 0 ? (
          <p className="muted">{t('dashboard.noJobs')}</p>
        ) : null}
        {recent.data && recent.data.items.length > 0 ? <JobsTable jobs={recent.data.items} /> : null}
      </section>
    </div>
  );
}
