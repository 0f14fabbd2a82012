import { type ReactNode, useId } from 'react';
import { ApiError } from '../api/client';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';

export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {error ? (
        <span className="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** An API error as a banner: the server's message says what is wrong and how to fix it. */
export function ErrorBanner({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.message
      : error instanceof Error
        ? error.message
        : t('error.unexpected');
  return (
    <div className="banner error" role="alert">
      {message}
      {error instanceof ApiError ? <span className="muted small mono"> ({error.code})</span> : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="empty" aria-busy="true">
      <span className="spinner" /> <span>{t('common.loading')}</span>
    </div>
  );
}

const STATUS_KEYS: Record<string, MessageKey> = {
  pending: 'status.pending',
  running: 'status.running',
  completed: 'status.completed',
  failed: 'status.failed',
  cancelled: 'status.cancelled',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = STATUS_KEYS[status];
  return <span className={`badge ${status}`}>{key ? t(key) : status}</span>;
}

export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  const pct = fraction === null ? null : Math.round(fraction * 1000) / 10;
  return (
    <div
      className={`progress${pct === null ? ' indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      {...(pct === null ? {} : { 'aria-valuenow': pct })}
    >
      <div style={pct === null ? undefined : { width: `${pct}%` }} />
    </div>
  );
}

export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange: (offset: number) => void;
}) {
  const { t } = useI18n();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('common.pagination')}>
      <span className="muted small">{t('common.range', { from, to, total })}</span>
      <button
        type="button"
        className="small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
      >
        {t('common.previous')}
      </button>
      <button type="button" className="small" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
