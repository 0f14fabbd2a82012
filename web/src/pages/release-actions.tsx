import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type Schemas, unwrap } from '../api/client';
import { Findings } from '../components/findings';
import { NfoView } from '../components/nfo-view';
import { ErrorBanner, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../lib/format';

type Preview = Schemas['ReleaseActionPreview'];
type ActionKind = 'nfo' | 'dir' | 'sample' | 'repack' | 'proper';

interface Draft {
  readonly kind: ActionKind;
  readonly nfo: string;
  readonly name: string;
  readonly reason: string;
  readonly group: string;
}

/** What the API is sent for a draft: a fix or a repack request. */
function requestOf(draft: Draft) {
  if (draft.kind === 'repack' || draft.kind === 'proper') {
    return {
      action: 'repack' as const,
      body: {
        ...(draft.kind === 'proper' ? { proper: true } : {}),
        ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
        ...(draft.group.trim() ? { group: draft.group.trim() } : {}),
      },
    };
  }
  return {
    action: 'fix' as const,
    body: {
      kind: draft.kind,
      ...(draft.nfo.trim() ? { nfo: { body: draft.nfo } } : {}),
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    },
  };
}

/**
 * NFO fix, dir fix, sample fix, repack and proper of a completed job's release: the form, a
 * preview of the release it makes (name, NFO, warnings), then the job, opened when created.
 */
export function ReleaseActions({ jobId, type }: { jobId: string; type: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const kinds: ActionKind[] =
    type === 'tv' ? ['nfo', 'dir', 'sample', 'repack', 'proper'] : ['nfo', 'dir', 'proper'];
  const [draft, setDraft] = useState<Draft>({ kind: 'nfo', nfo: '', name: '', reason: '', group: '' });
  const [preview, setPreview] = useState<Preview | null>(null);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A preview is of the draft it was made for.
    setPreview(null);
  };
  const previewing = useMutation({
    mutationFn: async () => {
      const { action, body } = requestOf(draft);
      const params = { params: { path: { id: jobId } } };
      return action === 'fix'
        ? unwrap(
            api.POST('/api/jobs/{id}/fix/preview', { ...params, body: body as Schemas['FixJobRequest'] }),
          )
        : unwrap(api.POST('/api/jobs/{id}/repack/preview', { ...params, body }));
    },
    onSuccess: setPreview,
  });
  const creating = useMutation({
    mutationFn: async () => {
      const { action, body } = requestOf(draft);
      const params = { params: { path: { id: jobId } } };
      return action === 'fix'
        ? unwrap(api.POST('/api/jobs/{id}/fix', { ...params, body: body as Schemas['FixJobRequest'] }))
        : unwrap(api.POST('/api/jobs/{id}/repack', { ...params, body }));
    },
    onSuccess: (job) => navigate(`/jobs/${job.id}`),
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        previewing.mutate();
      }}
    >
      <p className="muted small">{t('fix.hint')}</p>
      <div className="field">
        <label htmlFor="fix-kind">{t('fix.kind')}</label>
        <select
          id="fix-kind"
          value={draft.kind}
          onChange={(e) => change({ kind: e.target.value as ActionKind })}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`fix.kind.${k}` as 'fix.kind.nfo')}
            </option>
          ))}
        </select>
      </div>
      {draft.kind === 'dir' ? (
        <div className="field">
          <label htmlFor="fix-name">{t('fix.correctName')}</label>
          <input
            id="fix-name"
            className="mono"
            value={draft.name}
            onChange={(e) => change({ name: e.target.value })}
            required
          />
        </div>
      ) : null}
      {draft.kind === 'nfo' || draft.kind === 'dir' || draft.kind === 'sample' ? (
        <div className="field">
          <label htmlFor="fix-nfo">{draft.kind === 'nfo' ? t('fix.nfo') : t('fix.nfoOptional')}</label>
          <textarea
            id="fix-nfo"
            className="mono"
            rows={8}
            value={draft.nfo}
            onChange={(e) => change({ nfo: e.target.value })}
            required={draft.kind === 'nfo'}
            placeholder="{{ release.name }}&#10;&#10;{{ release.fix }} for {{ release.fixes }}"
          />
        </div>
      ) : null}
      {draft.kind === 'proper' ? (
        <div className="field">
          <label htmlFor="fix-group">{t('fix.group')}</label>
          <input
            id="fix-group"
            value={draft.group}
            onChange={(e) => change({ group: e.target.value })}
            required
            pattern="[A-Za-z0-9_]{1,32}"
          />
        </div>
      ) : null}
      {draft.kind === 'repack' || draft.kind === 'proper' ? (
        <div className="field">
          <label htmlFor="fix-reason">
            {draft.kind === 'proper' ? t('fix.reason') : t('fix.reasonOptional')}
          </label>
          <input
            id="fix-reason"
            value={draft.reason}
            onChange={(e) => change({ reason: e.target.value })}
            required={draft.kind === 'proper'}
          />
        </div>
      ) : null}
      <ErrorBanner error={previewing.error ?? creating.error} />
      {preview ? (
        <div className="stack" data-testid="fix-preview">
          <div>
            <span className="muted small">{t('fix.willBe')}</span>
            <div className="mono" data-testid="fix-preview-name">
              {preview.releaseName}
            </div>
            <span className="muted small">
              {preview.tag} · {preview.replaces}
            </span>
          </div>
          {preview.warnings.map((w) => (
            <div key={w} className="banner warn" role="status">
              {w}
            </div>
          ))}
          {preview.notes ? <p className="small">{preview.notes}</p> : null}
          {preview.nfo ? <NfoView text={preview.nfo.text} label={preview.nfo.name} /> : null}
          {preview.findings.length > 0 ? <Findings findings={preview.findings} emptyText="" /> : null}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" disabled={previewing.isPending}>
          {t('fix.preview')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!preview || creating.isPending}
          onClick={() => creating.mutate()}
        >
          {t('fix.create')}
        </button>
      </div>
    </form>
  );
}

/** The jobs of one release: its pack job, then its fixes and repacks, each linked. */
export function ReleaseHistory({ jobId }: { jobId: string }) {
  const { t, language } = useI18n();
  const history = useQuery({
    queryKey: ['job', jobId, 'history'],
    queryFn: () => unwrap(api.GET('/api/jobs/{id}/history', { params: { path: { id: jobId } } })),
  });
  const items = history.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <section className="card">
      <h2>{t('fix.history')}</h2>
      <div className="table-scroll">
        <table data-testid="release-history">
          <thead>
            <tr>
              <th>{t('fix.relation')}</th>
              <th>{t('jobs.status')}</th>
              <th>{t('jobs.created')}</th>
              <th>{t('fix.release')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.job.id} aria-current={e.job.id === jobId ? 'page' : undefined}>
                <td>{e.tag ?? t('fix.original')}</td>
                <td>
                  <StatusBadge status={e.job.status} />
                </td>
                <td>{formatDate(e.job.createdAt, language)}</td>
                <td className="mono">
                  <Link to={`/jobs/${e.job.id}`}>{e.job.result?.releaseName ?? e.job.title ?? e.job.id}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
