import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { JobsTable } from '../components/jobs-table';
import { ErrorBanner, Loading, Pager } from '../components/ui';
import { useI18n } from '../i18n/i18n';

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
const PAGE = 25;

/** Filters live in the URL, so a filtered list can be reloaded, shared and navigated back to. */
export function JobsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  // Typing searches after a short pause, not on every key.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => update({ q: search.trim() }), 300);
    return () => clearTimeout(timer);
  });

  const list = useQuery({
    queryKey: ['jobs', 'list', status, type, q, offset],
    queryFn: () =>
      unwrap(
        api.GET('/api/jobs', {
          params: {
            query: {
              limit: PAGE,
              offset,
              ...(status ? { status } : {}),
              ...(type ? { type: type as 'ebook' } : {}),
              ...(q ? { q } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('jobs.title')}</h1>
      </div>
      <div className="card">
        <form className="row" aria-label={t('jobs.filters')} onSubmit={(e) => e.preventDefault()}>
          <label className="sr-only" htmlFor="job-search">
            {t('jobs.search')}
          </label>
          <input
            id="job-search"
            type="search"
            placeholder={t('jobs.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
          <label className="sr-only" htmlFor="job-status">
            {t('jobs.status')}
          </label>
          <select id="job-status" value={status} onChange={(e) => update({ status: e.target.value })}>
            <option value="">{t('jobs.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="job-type">
            {t('jobs.type')}
          </label>
          <select id="job-type" value={type} onChange={(e) => update({ type: e.target.value })}>
            <option value="">{t('jobs.anyType')}</option>
            <option value="ebook">{t('type.ebook')}</option>
            <option value="tv">{t('type.tv')}</option>
            <option value="upload">{t('type.upload')}</option>
          </select>
        </form>
      </div>
      <div className="card">
        {list.isLoading ? <Loading /> : <ErrorBanner error={list.error} />}
        {list.data && list.data.items.length === 0 ? <p className="empty">{t('jobs.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? <JobsTable jobs={list.data.items} showProgress /> : null}
        {list.data ? (
          <Pager
            offset={offset}
            limit={PAGE}
            total={list.data.total}
            onChange={(o) => update({ offset: String(o) })}
          />
        ) : null}
      </div>
    </div>
  );
}
