import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';

type Destination = Schemas['Destination'];

interface Form {
  name: string;
  protocol: 'ftp' | 'ftps' | 'sftp';
  host: string;
  port: string;
  username: string;
  password: string;
  privateKey: string;
  basePath: string;
  pathTemplate: string;
  tlsFingerprint: string;
  acceptSelfSigned: boolean;
  hostKeyFingerprint: string;
  trustOnFirstUse: boolean;
  concurrency: string;
  verify: 'size' | 'auto' | 'read-back';
  enabled: boolean;
}

const BLANK: Form = {
  name: '',
  protocol: 'sftp',
  host: '',
  port: '',
  username: '',
  password: '',
  privateKey: '',
  basePath: '/',
  pathTemplate: '{{ release }}',
  tlsFingerprint: '',
  acceptSelfSigned: false,
  hostKeyFingerprint: '',
  trustOnFirstUse: false,
  concurrency: '1',
  verify: 'auto',
  enabled: true,
};

const fromDestination = (d: Destination): Form => ({
  ...BLANK,
  name: d.name,
  protocol: d.protocol,
  host: d.host,
  port: String(d.port),
  username: d.username,
  basePath: d.basePath,
  pathTemplate: d.pathTemplate,
  tlsFingerprint: d.tls.fingerprint ?? '',
  acceptSelfSigned: d.tls.acceptSelfSigned,
  hostKeyFingerprint: d.hostKey.fingerprint ?? '',
  trustOnFirstUse: d.hostKey.trustOnFirstUse,
  concurrency: String(d.concurrency),
  verify: d.verify,
  enabled: d.enabled,
});

/** The request body: secrets only when typed (absent keeps the stored one). */
function toBody(f: Form) {
  return {
    name: f.name,
    protocol: f.protocol,
    host: f.host,
    ...(f.port ? { port: Number(f.port) } : {}),
    username: f.username,
    ...(f.password ? { password: f.password } : {}),
    ...(f.privateKey.trim() ? { privateKey: f.privateKey } : {}),
    basePath: f.basePath,
    pathTemplate: f.pathTemplate,
    tls: { verify: true, fingerprint: f.tlsFingerprint || null, acceptSelfSigned: f.acceptSelfSigned },
    hostKey: { fingerprint: f.hostKeyFingerprint || null, trustOnFirstUse: f.trustOnFirstUse },
    concurrency: Number(f.concurrency) || 1,
    verify: f.verify,
    enabled: f.enabled,
  };
}

function DestinationForm({ editing, onDone }: { editing: Destination | null; onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(editing ? fromDestination(editing) : BLANK);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      editing
        ? unwrap(
            api.PUT('/api/destinations/{id}', {
              params: { path: { id: editing.id } },
              body: toBody(form) as never,
            }),
          )
        : unwrap(api.POST('/api/destinations', { body: toBody(form) as never })),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const text = (key: keyof Form, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`dest-${key}`}>{label}</label>
      <input
        id={`dest-${key}`}
        value={form[key] as string}
        onChange={(e) => set(key, e.target.value as never)}
        {...props}
      />
    </div>
  );
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="dest-form-title">
      <h2 id="dest-form-title">{editing ? t('dest.edit', { name: editing.name }) : t('dest.new')}</h2>
      <ErrorBanner error={save.error} />
      <div className="grid grid-3">
        {text('name', t('dest.name'))}
        <div className="field">
          <label htmlFor="dest-protocol">{t('dest.protocol')}</label>
          <select
            id="dest-protocol"
            value={form.protocol}
            onChange={(e) => set('protocol', e.target.value as 'ftp')}
          >
            <option value="sftp">SFTP</option>
            <option value="ftps">FTPS (explicit TLS)</option>
            <option value="ftp">FTP</option>
          </select>
        </div>
        {text('host', t('dest.host'))}
        {text('port', t('dest.port'), {
          inputMode: 'numeric',
          placeholder: form.protocol === 'sftp' ? '22' : '21',
        })}
        {text('username', t('login.username'), { autoComplete: 'off' })}
        {text('password', editing?.hasPassword ? t('dest.passwordKept') : t('login.password'), {
          type: 'password',
          autoComplete: 'new-password',
        })}
        {text('basePath', t('dest.basePath'))}
        {text('pathTemplate', t('dest.pathTemplate'), { className: 'mono' })}
        <div className="field">
          <label htmlFor="dest-verify">{t('dest.verify')}</label>
          <select
            id="dest-verify"
            value={form.verify}
            onChange={(e) => set('verify', e.target.value as 'auto')}
          >
            <option value="auto">{t('dest.verifyAuto')}</option>
            <option value="size">{t('dest.verifySize')}</option>
            <option value="read-back">{t('dest.verifyReadBack')}</option>
          </select>
        </div>
        {text('concurrency', t('dest.concurrency'), { type: 'number', min: 1, max: 8 })}
        {form.protocol === 'sftp' ? (
          <>
            {text('hostKeyFingerprint', t('dest.hostKey'), { placeholder: 'SHA256:…', className: 'mono' })}
            <label className="check">
              <input
                type="checkbox"
                checked={form.trustOnFirstUse}
                onChange={(e) => set('trustOnFirstUse', e.target.checked)}
              />
              {t('dest.tofu')}
            </label>
          </>
        ) : form.protocol === 'ftps' ? (
          <>
            {text('tlsFingerprint', t('dest.certPin'), { className: 'mono' })}
            <label className="check">
              <input
                type="checkbox"
                checked={form.acceptSelfSigned}
                onChange={(e) => set('acceptSelfSigned', e.target.checked)}
              />
              {t('dest.selfSigned')}
            </label>
          </>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('dest.enabled')}
        </label>
      </div>
      {form.protocol === 'sftp' ? (
        <div className="field">
          <label htmlFor="dest-key">
            {editing?.hasPrivateKey ? t('dest.privateKeyKept') : t('dest.privateKey')}
          </label>
          <textarea
            id="dest-key"
            rows={3}
            value={form.privateKey}
            onChange={(e) => set('privateKey', e.target.value)}
            placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
          />
        </div>
      ) : null}
      <div className="row">
        <button
          type="submit"
          className="primary"
          disabled={save.isPending || !form.name || !form.host || !form.username}
        >
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function TestButton({ id }: { id: string }) {
  const { t } = useI18n();
  const test = useMutation({
    mutationFn: () => unwrap(api.POST('/api/destinations/{id}/test', { params: { path: { id } } })),
  });
  const result = test.data as { connectMs?: number; writeMs?: number } | undefined;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <button type="button" className="small" onClick={() => test.mutate()} disabled={test.isPending}>
        {test.isPending ? t('common.testing') : t('dest.test')}
      </button>
      {result ? (
        <span className="small" style={{ color: 'var(--ok)' }} role="status">
          {t('dest.testOk', { connect: result.connectMs ?? '?', write: result.writeMs ?? '?' })}
        </span>
      ) : null}
      {test.error ? <ErrorBanner error={test.error} /> : null}
    </div>
  );
}

export function DestinationsAdmin() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['destinations'], queryFn: () => unwrap(api.GET('/api/destinations')) });
  const [editing, setEditing] = useState<Destination | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/destinations/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['destinations'] }),
  });
  const done = () => {
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: ['destinations'] });
  };
  return (
    <div className="stack">
      {editing ? (
        <DestinationForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onDone={done}
        />
      ) : (
        <div>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('dest.new')}
          </button>
        </div>
      )}
      <div className="card">
        {list.isLoading ? <Loading /> : <ErrorBanner error={list.error ?? remove.error} />}
        {list.data && list.data.items.length === 0 ? <p className="empty">{t('delivery.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('dest.name')}</th>
                  <th>{t('dest.protocol')}</th>
                  <th>{t('dest.where')}</th>
                  <th>{t('dest.secrets')}</th>
                  <th>{t('dest.enabled')}</th>
                  <th>
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>{d.name}</td>
                    <td>{d.protocol.toUpperCase()}</td>
                    <td className="mono small">
                      {d.username}@{d.host}:{d.port}
                      {d.basePath}
                    </td>
                    <td className="small">
                      {[
                        d.hasPassword ? t('dest.hasPassword') : null,
                        d.hasPrivateKey ? t('dest.hasKey') : null,
                      ]
                        .filter(Boolean)
                        .join(', ') || '—'}
                    </td>
                    <td>{d.enabled ? t('common.yes') : t('common.no')}</td>
                    <td>
                      <div className="row" style={{ justifyContent: 'end', alignItems: 'start' }}>
                        <TestButton id={d.id} />
                        <button type="button" className="small" onClick={() => setEditing(d)}>
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="small danger"
                          onClick={() => {
                            if (window.confirm(t('dest.confirmDelete', { name: d.name })))
                              remove.mutate(d.id);
                          }}
                        >
                          {t('common.delete')}
                        </button>
                      </div>
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
