import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { ApisAdmin } from './apis';
import { AuditAdmin } from './audit';
import { DestinationsAdmin } from './destinations';
import { GlobalPreferencesAdmin } from './global-preferences';
import { UsersAdmin } from './users';

export default function AdminPage() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('admin.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('admin.title')}>
        <NavLink to="/admin/users">{t('admin.users')}</NavLink>
        <NavLink to="/admin/destinations">{t('admin.destinations')}</NavLink>
        <NavLink to="/admin/apis">{t('admin.apis')}</NavLink>
        <NavLink to="/admin/preferences">{t('admin.globalPrefs')}</NavLink>
        <NavLink to="/admin/audit">{t('admin.audit')}</NavLink>
      </nav>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<UsersAdmin />} />
        <Route path="destinations" element={<DestinationsAdmin />} />
        <Route path="apis" element={<ApisAdmin />} />
        <Route path="preferences" element={<GlobalPreferencesAdmin />} />
        <Route path="audit" element={<AuditAdmin />} />
      </Routes>
    </div>
  );
}
