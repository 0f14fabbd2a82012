import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

export type Finding = Schemas['Finding'];

/** Rule findings, blocking first, each with its rule id and the explanation behind it. */
export function Findings({ findings, emptyText }: { findings: readonly Finding[]; emptyText?: string }) {
  const { t } = useI18n();
  if (findings.length === 0) {
    return emptyText ? <p className="muted">{emptyText}</p> : null;
  }
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1,
  );
  return (
    <ul className="findings" aria-label={t('findings.title')}>
      {sorted.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one rule can give several findings
        <li key={`${f.id}-${i}`} className={f.severity}>
          <div className="row">
            <span className={`badge ${f.severity}`}>
              {f.severity === 'block' ? t('findings.block') : t('findings.warn')}
            </span>
            <span className="rule">{f.id}</span>
            <strong>{f.message}</strong>
          </div>
          {f.detail ? <div className="small">{f.detail}</div> : null}
          {f.ref ? <div className="small muted">{t('findings.ref', { ref: f.ref })}</div> : null}
        </li>
      ))}
    </ul>
  );
}
