import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { session } from '../api/session';
import { LANGUAGES, type Language, useI18n } from '../i18n/i18n';
import { useAuth } from '../lib/auth';
import { type ThemeChoice, useTheme } from '../lib/theme';

export function Layout() {
  const { t, language, chosen, setLanguage } = useI18n();
  const { choice, setChoice } = useTheme();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = async () => {
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    session.set(null);
    queryClient.clear();
    sessionStorage.clear();
    navigate('/login', { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          <img src="/favicon.svg" alt="" /> relpack
        </NavLink>
        <nav className="app-nav" aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.dashboard')}
          </NavLink>
          <NavLink to="/new">{t('nav.newRelease')}</NavLink>
          <NavLink to="/jobs">{t('nav.jobs')}</NavLink>
          <NavLink to="/templates">{t('nav.templates')}</NavLink>
          <NavLink to="/preferences">{t('nav.preferences')}</NavLink>
          {user?.role === 'admin' ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        </nav>
        <div className="header-tools">
          <label className="sr-only" htmlFor="language">
            {t('nav.language')}
          </label>
          <select
            id="language"
            value={chosen ?? 'auto'}
            onChange={(e) => setLanguage(e.target.value === 'auto' ? null : (e.target.value as Language))}
          >
            <option value="auto">{t('nav.languageAuto', { language: language.toUpperCase() })}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : 'Français'}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="theme">
            {t('nav.theme')}
          </label>
          <select id="theme" value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
          <span className="muted small nowrap" data-testid="current-user">
            {user?.username} · {user?.role === 'admin' ? t('role.admin') : t('role.operator')}
          </span>
          <button type="button" className="ghost" onClick={() => void logout()}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main className="main" id="main">
        <Outlet />
      </main>
    </>
  );
}
