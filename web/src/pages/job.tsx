import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { followJobEvents } from '../api/job-events';
import { Findings } from '../components/findings';
import { type Job, JobsTable, jobTitle } from '../components/jobs-table';
import { ErrorBanner, Loading, ProgressBar, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { formatBytes, formatDate, formatDuration, progressFraction } from '../lib/format';
import { ReleaseActions, ReleaseHistory } from './release-actions';

type LogLine = Schemas['LogLine'];
type JobProgress = Schemas['JobProgress'];
const MAX_LINES = 5_000;

/** Live state from the event stream: log lines, progress and status as they happen. */
function useJobStream(id: string, run: number, onEnd: () => void) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [status, setStatus] = useState<Job['status'] | null>(null);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `run` changes when the job is retried: a new run, a new stream
  useEffect(() => {
    const abort = new AbortController();
    setLines([]);
    const seen = new Set<number>();
    void followJobEvents(
      id,
      (event) => {
        if (event.event === 'log') {
          const line = event.data;
          if (seen.has(line.id)) return;
          seen.add(line.id);
          setLines((prev) =>
            prev.length >= MAX_LINES ? [...prev.slice(-MAX_LINES + 1), line] : [...prev, line],
          );
        } else if (event.event === 'progress') setProgress(event.data);
        else if (event.event === 'status') setStatus(event.data.status);
        else {
          setStatus(event.data.status);
          setProgress(event.data.progress);
          if (event.event === 'end') ended.current();
        }
      },
      abort.signal,
    );
    return () => abort.abort();
  }, [id, run]);
  return { lines, progress, status };
}

function LogView({ lines }: { lines: LogLine[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when lines arrive
  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);
  return (
    <div className="stack" style={{ gap: 6 }}>
      <label className="check small">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
        {t('job.followLog')}
      </label>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be read */}
      <div className="log" ref={box} role="log" aria-label={t('job.log')} tabIndex={0} data-testid="job-log">
        {lines.length === 0 ? <span className="muted">{t('job.noLog')}</span> : null}
        {lines.map((l) => (
          <div key={l.id} className={`line ${l.level}`}>
            <span className="muted">{l.at.slice(11, 19)}</span> {l.level !== 'info' ? `[${l.level}] ` : ''}
            {l.message}
          </div>
        ))}
      </div>
    </div>
  );
}

function Artifacts({ jobId, withSrr }: { jobId: string; withSrr: boolean }) {
  const { t, language } = useI18n();
  const artifacts = useQuery({
    queryKey: ['job', jobId, 'artifacts'],
    queryFn: () => unwrap(api.GET('/api/jobs/{id}/artifacts', { params: { path: { id: jobId } } })),
  });
  const [error, setError] = useState<unknown>(null);
  const download = async (artifactId: string, name: string) => {
    setError(null);
    try {
      const link = await unwrap(
        api.POST('/api/jobs/{id}/artifacts/{artifactId}/link', {
          params: { path: { id: jobId, artifactId } },
        }),
      );
      // A plain link: the browser streams the file to disk, however large.
      const a = document.createElement('a');
      a.href = link.url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      setError(e);
    }
  };
  const downloadSrr = async () => {
    setError(null);
    try {
      // A few kilobytes made on request: fetched with the session, then saved from memory.
      const answer = await api.POST('/api/jobs/{id}/srr', {
        params: { path: { id: jobId } },
        parseAs: 'blob',
      });
      const blob = (await unwrap(Promise.resolve(answer))) as Blob;
      const disposition = answer.response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'release.srr';
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(href);
    } catch (e) {
      setError(e);
    }
  };
  if (artifacts.isLoading) return <Loading />;
  const items = artifacts.data?.items ?? [];
  return (
    <div>
      <ErrorBanner error={artifacts.error ?? error} />
      {withSrr && items.length > 0 ? (
        <p className="row">
          <button type="button" className="small" onClick={() => void downloadSrr()}>
            {t('job.downloadSrr')}
          </button>
          <span className="muted small">{t('job.srrHint')}</span>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('job.noArtifacts')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('job.file')}</th>
                <th>{t('job.kind')}</th>
                <th className="num">{t('job.size')}</th>
                <th>CRC32</th>
                <th>
                  <span className="sr-only">{t('job.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const name = a.path.split('/').pop() ?? a.path;
                return (
                  <tr key={a.id}>
                    <td className="mono small">{a.path}</td>
                    <td>{a.kind}</td>
                    <td className="num">{formatBytes(a.size, language)}</td>
                    <td className="mono small">{a.crc32}</td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        onClick={() => void download(a.id, name)}
                        aria-label={t('job.downloadFile', { file: name })}
                      >
                        {t('job.download')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function UploadForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const { t } = useI18n();
  const destinations = useQuery({
    queryKey: ['destinations'],
    queryFn: () => unwrap(api.GET('/api/destinations')),
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const upload = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/jobs/{id}/upload', {
          params: { path: { id: jobId } },
          body: { destinations: chosen },
        }),
      ),
    onSuccess: onDone,
  });
  const items = (destinations.data?.items ?? []).filter((d) => d.enabled);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate();
      }}
    >
      <ErrorBanner error={destinations.error ?? upload.error} />
      {items.length === 0 && destinations.data ? <p className="muted">{t('job.noDestinations')}</p> : null}
      <div className="row">
        {items.map((d) => (
          <label key={d.id} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(d.id)}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))
              }
            />
            {d.name}{' '}
            <span className="muted small">
              ({d.protocol.toUpperCase()} {d.host})
            </span>
          </label>
        ))}
      </div>
      <div>
        <button type="submit" className="primary" disabled={chosen.length === 0 || upload.isPending}>
          {t('job.uploadNow')}
        </button>
      </div>
    </form>
  );
}

export function JobPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const job = useQuery({
    queryKey: ['job', id],
    queryFn: () => unwrap(api.GET('/api/jobs/{id}', { params: { path: { id } } })),
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['job', id] });
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  };
  const [run, setRun] = useState(0);
  const stream = useJobStream(id, run, refresh);
  const children = useQuery({
    queryKey: ['job', id, 'uploads'],
    queryFn: () => unwrap(api.GET('/api/jobs', { params: { query: { parent: id, limit: 50 } } })),
    enabled: job.data ? job.data.type !== 'upload' : false,
    refetchInterval: 3_000,
  });
  const [showUpload, setShowUpload] = useState(false);
  const [showFix, setShowFix] = useState(false);
  const action = useMutation({
    mutationFn: async (kind: 'cancel' | 'retry' | 'delete') => {
      if (kind === 'delete') {
        await unwrap(api.DELETE('/api/jobs/{id}', { params: { path: { id } } }));
        return kind;
      }
      await unwrap(
        kind === 'cancel'
          ? api.POST('/api/jobs/{id}/cancel', { params: { path: { id } } })
          : api.POST('/api/jobs/{id}/retry', { params: { path: { id } } }),
      );
      return kind;
    },
    onSuccess: (kind) => {
      if (kind === 'delete') {
        void queryClient.invalidateQueries({ queryKey: ['jobs'] });
        navigate('/jobs', { replace: true });
      } else {
        refresh();
        if (kind === 'retry') setRun((r) => r + 1);
      }
    },
  });

  // The job's children are its uploads, and its fixes and repacks (shown in the history).
  const uploads = (children.data?.items ?? []).filter((c) => c.type === 'upload');

  if (job.isLoading) return <Loading />;
  if (!job.data) return <ErrorBanner error={job.error} />;
  const j = job.data;
  const status = stream.status ?? j.status;
  const progress = stream.progress ?? j.progress;
  const result = j.result;
  const active = status === 'running' || status === 'pending';
  const elapsed = j.startedAt
    ? (j.finishedAt ? Date.parse(j.finishedAt) : Date.now()) - Date.parse(j.startedAt)
    : null;

  return (
    <div className="stack" style={{ gap: '1.25rem' }}>
      <div className="page-head">
        <div style={{ minWidth: 0 }}>
          <div className="muted small">
            <Link to="/jobs">{t('nav.jobs')}</Link> / {j.id}
          </div>
          <h1 className="truncate" style={{ marginTop: 4 }} data-testid="job-title">
            {jobTitle(j)}
          </h1>
        </div>
        <div className="row">
          <span data-testid="job-status">
            <StatusBadge status={status} />
          </span>
          {active ? (
            <button
              type="button"
              className="danger"
              onClick={() => action.mutate('cancel')}
              disabled={action.isPending}
            >
              {t('job.cancel')}
            </button>
          ) : null}
          {status === 'failed' || status === 'cancelled' ? (
            <button type="button" onClick={() => action.mutate('retry')} disabled={action.isPending}>
              {t('job.retry')}
            </button>
          ) : null}
          {status === 'completed' && j.type !== 'upload' ? (
            <button type="button" onClick={() => setShowUpload((v) => !v)} aria-expanded={showUpload}>
              {t('job.upload')}
            </button>
          ) : null}
          {status === 'completed' && j.type !== 'upload' ? (
            <button type="button" onClick={() => setShowFix((v) => !v)} aria-expanded={showFix}>
              {t('fix.open')}
            </button>
          ) : null}
          {!active ? (
            <button
              type="button"
              className="danger"
              disabled={action.isPending}
              onClick={() => {
                if (window.confirm(t('job.confirmDelete'))) action.mutate('delete');
              }}
            >
              {t('job.delete')}
            </button>
          ) : null}
        </div>
      </div>
      <ErrorBanner error={action.error} />
      {j.error ? (
        <div className="banner error" role="alert">
          <strong>{j.error.code}</strong>: {j.error.message}
        </div>
      ) : null}
      {showUpload ? (
        <section className="card">
          <h2>{t('job.uploadTitle')}</h2>
          <UploadForm
            jobId={j.id}
            onDone={() => {
              setShowUpload(false);
              void children.refetch();
            }}
          />
        </section>
      ) : null}
      {showFix ? (
        <section className="card">
          <h2>{t('fix.title')}</h2>
          <ReleaseActions jobId={j.id} type={j.type} />
        </section>
      ) : null}
      <div className="grid grid-2">
        <section className="card">
          <h2>{t('job.details')}</h2>
          <dl className="kv small">
            <dt>{t('jobs.type')}</dt>
            <dd>{t(`type.${j.type}` as 'type.ebook')}</dd>
            {j.profile ? (
              <>
                <dt>{t('job.profile')}</dt>
                <dd className="mono">{j.profile}</dd>
              </>
            ) : null}
            <dt>{t('jobs.created')}</dt>
            <dd>{formatDate(j.createdAt, language)}</dd>
            <dt>{t('job.started')}</dt>
            <dd>{formatDate(j.startedAt, language)}</dd>
            <dt>{t('job.finished')}</dt>
            <dd>{formatDate(j.finishedAt, language)}</dd>
            {elapsed !== null ? (
              <>
                <dt>{t('job.duration')}</dt>
                <dd>{formatDuration(elapsed)}</dd>
              </>
            ) : null}
            <dt>{t('job.attempts')}</dt>
            <dd>{j.attempts}</dd>
            {j.parentJobId ? (
              <>
                <dt>{t('job.parent')}</dt>
                <dd>
                  <Link to={`/jobs/${j.parentJobId}`}>{j.parentJobId.slice(0, 8)}</Link>
                </dd>
              </>
            ) : null}
            {result?.volumeCount ? (
              <>
                <dt>{t('job.volumes')}</dt>
                <dd>{result.volumeCount}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card">
          <h2>{t('jobs.progress')}</h2>
          <div className="stack" style={{ gap: 6 }}>
            <ProgressBar
              fraction={
                status === 'completed'
                  ? 1
                  : active
                    ? progressFraction(progress)
                    : (progressFraction(progress) ?? 0)
              }
              label={t('jobs.progress')}
            />
            <span className="small muted" data-testid="job-progress">
              {progress?.phase
                ? t(`phase.${progress.phase}` as 'phase.archive')
                : t(`status.${status}` as 'status.pending')}
              {progress?.bytesTotal
                ? ` · ${formatBytes(progress.bytesDone, language)} / ${formatBytes(progress.bytesTotal, language)}`
                : ''}
              {progress?.bytesPerSecond ? ` · ${formatBytes(progress.bytesPerSecond, language)}/s` : ''}
              {progress?.currentFile ? ` · ${progress.currentFile}` : ''}
            </span>
          </div>
          {result?.notes?.length ? (
            <ul className="small">
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
      {result?.findings ? (
        <section className="card">
          <h2>{t('findings.title')}</h2>
          <Findings findings={result.findings} emptyText={t('findings.none')} />
        </section>
      ) : null}
      {j.type !== 'upload' ? (
        <section className="card">
          <h2>{t('job.artifacts')}</h2>
          {status === 'completed' ? (
            <Artifacts jobId={j.id} withSrr={j.type === 'tv'} />
          ) : (
            <p className="muted">{t('job.artifactsLater')}</p>
          )}
        </section>
      ) : null}
      {j.type !== 'upload' ? <ReleaseHistory jobId={j.id} /> : null}
      {uploads.length > 0 ? (
        <section className="card">
          <h2>{t('job.uploads')}</h2>
          <JobsTable jobs={uploads} showProgress />
        </section>
      ) : null}
      <section className="card">
        <h2>{t('job.log')}</h2>
        <LogView lines={stream.lines} />
      </section>
    </div>
  );
}
