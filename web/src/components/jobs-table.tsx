import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatBytes, formatDate, progressFraction } from '../lib/format';
import { ProgressBar, StatusBadge } from './ui';

export type Job = Schemas['Job'];

export function jobTitle(job: Job): string {
  return job.result?.releaseName ?? job.title ?? job.id.slice(0, 8);
}

export function JobsTable({ jobs, showProgress = false }: { jobs: readonly Job[]; showProgress?: boolean }) {
  const { t, language } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t('jobs.release')}</th>
            <th>{t('jobs.type')}</th>
            <th>{t('jobs.status')}</th>
            {showProgress ? <th style={{ width: '22%' }}>{t('jobs.progress')}</th> : null}
            <th>{t('jobs.created')}</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const progress = job.progress;
            return (
              <tr key={job.id}>
                <td className="truncate" style={{ maxWidth: 520 }}>
                  <Link to={`/jobs/${job.id}`}>{jobTitle(job)}</Link>
                  {job.error ? (
                    <div className="small" style={{ color: 'var(--danger)' }}>
                      {job.error.message}
                    </div>
                  ) : null}
                </td>
                <td>{t(`type.${job.type}` as 'type.ebook')}</td>
                <td>
                  <StatusBadge status={job.status} />
                </td>
                {showProgress ? (
                  <td>
                    {job.status === 'running' ? (
                      <div className="stack" style={{ gap: 4 }}>
                        <ProgressBar fraction={progressFraction(job.progress)} label={t('jobs.progress')} />
                        <span className="small muted">
                          {progress?.phase ? t(`phase.${progress.phase}` as 'phase.archive') : ''}{' '}
                          {progress?.bytesTotal
                            ? `${formatBytes(progress.bytesDone, language)} / ${formatBytes(progress.bytesTotal, language)}`
                            : ''}
                        </span>
                      </div>
                    ) : null}
                  </td>
                ) : null}
                <td className="nowrap small">{formatDate(job.createdAt, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
