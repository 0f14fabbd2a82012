import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { components } from '../api/schema.gen';
import { ErrorBanner } from '../components/ui';
import { useI18n } from '../i18n/i18n';

export interface PreferenceRow {
  readonly key: string;
  readonly value: unknown;
  readonly default: unknown;
  readonly description: string;
  /** Where the value comes from: for users user/global/default, for the global page global/default. */
  readonly source: 'user' | 'global' | 'default';
}

/** Text for an input, and back: lists as comma-separated text, null as empty. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function fromText(text: string, like: unknown): unknown {
  const trimmed = text.trim();
  if (Array.isArray(like)) return trimmed ? trimmed.split(/\s*,\s*/).filter(Boolean) : [];
  if (typeof like === 'number' || (like === null && /^\d+$/.test(trimmed)))
    return trimmed === '' ? null : Number(trimmed);
  if (like === null && trimmed === '') return null;
  return trimmed;
}

function PreferenceInput({
  row,
  onSave,
  onReset,
  ownSource,
}: {
  row: PreferenceRow;
  onSave: (value: unknown) => Promise<unknown>;
  onReset: () => Promise<unknown>;
  ownSource: 'user' | 'global';
}) {
  const { t } = useI18n();
  const [text, setText] = useState(toText(row.value));
  const save = useMutation({ mutationFn: onSave });
  const reset = useMutation({ mutationFn: onReset, onSuccess: () => setText(toText(row.default)) });
  const id = `pref-${row.key.replace(/\W/g, '-')}`;
  const inherited = row.source !== ownSource;
  return (
    <tr>
      <td>
        <label htmlFor={id} className="mono small">
          {row.key}
        </label>
        <div className="small muted">{row.description}</div>
      </td>
      <td style={{ width: '34%' }}>
        {typeof row.default === 'boolean' ? (
          <input
            id={id}
            type="checkbox"
            checked={row.value === true}
            onChange={(e) => save.mutate(e.target.checked)}
          />
        ) : (
          <input
            id={id}
            value={text}
            placeholder={toText(row.default)}
            style={{ width: '100%' }}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => {
              if (text !== toText(row.value)) save.mutate(fromText(text, row.default));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
        )}
        <ErrorBanner error={save.error ?? reset.error} />
      </td>
      <td className="small">
        <span className={`badge ${inherited ? 'pending' : 'running'}`} data-testid={`source-${row.key}`}>
          {row.source === 'user'
            ? t('prefs.fromUser')
            : row.source === 'global'
              ? t('prefs.fromGlobal')
              : t('prefs.fromDefault')}
        </span>
      </td>
      <td>
        {!inherited ? (
          <button type="button" className="small" onClick={() => reset.mutate()}>
            {t('prefs.reset')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** Export and import of a preferences document, with a dry run listing the changes first. */
export type PreferencesExport = components['schemas']['PreferencesExportInput'];

/** A file someone picked is checked before it is sent: only a relpack export is. */
export function isPreferencesExport(doc: unknown): doc is PreferencesExport {
  const d = doc as Partial<PreferencesExport> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    d.format === 'relpack-preferences' &&
    d.version === 1 &&
    (d.scope === 'user' || d.scope === 'global') &&
    typeof d.preferences === 'object' &&
    d.preferences !== null
  );
}

export function ExportImport({
  onExport,
  onImport,
}: {
  onExport: () => Promise<unknown>;
  onImport: (
    doc: PreferencesExport,
    dryRun: boolean,
  ) => Promise<{ changes: { key: string; from: unknown; to: unknown }[] }>;
}) {
  const { t } = useI18n();
  const file = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{
    doc: PreferencesExport;
    changes: { key: string; from: unknown; to: unknown }[];
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const exportDoc = async () => {
    try {
      const doc = await onExport();
      const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'relpack-preferences.json';
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <div className="row">
        <button type="button" onClick={() => void exportDoc()}>
          {t('prefs.export')}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          {t('prefs.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            setError(null);
            setDone(false);
            try {
              const doc: unknown = JSON.parse(await f.text());
              if (!isPreferencesExport(doc)) throw new Error(t('prefs.notExport'));
              setPending({ doc, changes: (await onImport(doc, true)).changes });
            } catch (err) {
              setError(err instanceof SyntaxError ? new Error(t('prefs.notJson')) : err);
            }
          }}
        />
      </div>
      <ErrorBanner error={error} />
      {done ? <div className="banner ok">{t('prefs.imported')}</div> : null}
      {pending ? (
        <div className="card stack">
          <strong>{t('prefs.importChanges', { count: pending.changes.length })}</strong>
          <ul className="small mono">
            {pending.changes.map((c) => (
              <li key={c.key}>
                {c.key}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
              </li>
            ))}
          </ul>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={async () => {
                try {
                  await onImport(pending.doc, false);
                  setPending(null);
                  setDone(true);
                } catch (err) {
                  setError(err);
                }
              }}
            >
              {t('prefs.applyImport')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

export function PreferencesTable({
  rows,
  ownSource,
  onSave,
  onReset,
}: {
  rows: readonly PreferenceRow[];
  ownSource: 'user' | 'global';
  onSave: (key: string, value: unknown) => Promise<unknown>;
  onReset: (key: string) => Promise<unknown>;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t('prefs.key')}</th>
            <th>{t('prefs.value')}</th>
            <th>{t('prefs.source')}</th>
            <th>
              <span className="sr-only">{t('prefs.reset')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <PreferenceInput
              key={`${row.key}-${JSON.stringify(row.value)}-${row.source}`}
              row={row}
              ownSource={ownSource}
              onSave={(v) => onSave(row.key, v)}
              onReset={() => onReset(row.key)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
