import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { type SessionUser, session } from '../api/session';
import { Field } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import { useAuth } from '../lib/auth';

/** Only paths inside the app are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { user, ready } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (ready && user) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        const err = new ApiError(
          res.status,
          body.error?.code ?? 'HTTP',
          body.error?.message ?? res.statusText,
        );
        setError(err.status === 401 ? t('login.wrong') : err.message);
        return;
      }
      session.set(body as { accessToken: string; user: SessionUser });
      navigate(next, { replace: true });
    } catch {
      setError(t('login.offline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card stack" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title" className="row">
          <img src="/favicon.svg" alt="" width={28} height={28} /> relpack
        </h1>
        <p className="muted">{t('login.intro')}</p>
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        <Field label={t('login.username')}>
          {(p) => (
            <input
              {...p}
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('login.password')}>
          {(p) => (
            <input
              {...p}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
