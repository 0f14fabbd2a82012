import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../lib/auth';
import { formatDate } from '../../lib/format';

export function UsersAdmin() {
  const { t, language } = useI18n();
  const { user: me } = useAuth();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/users')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const [form, setForm] = useState({ username: '', password: '', role: 'operator' as 'admin' | 'operator' });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/users', { body: form })),
    onSuccess: () => {
      setForm({ username: '', password: '', role: 'operator' });
      void refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: { role?: 'admin' | 'operator'; active?: boolean; password?: string };
    }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/users/{id}', { params: { path: { id } } })),
    onSuccess: () => void refresh(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <div className="stack">
      <form className="card stack" onSubmit={submit} aria-labelledby="new-user">
        <h2 id="new-user">{t('users.new')}</h2>
        <ErrorBanner error={create.error} />
        <div className="row" style={{ alignItems: 'end' }}>
          <div className="field">
            <label htmlFor="new-username">{t('login.username')}</label>
            <input
              id="new-username"
              value={form.username}
              autoComplete="off"
              onChange={(e) => setForm({ ...form, username: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="new-password">{t('login.password')}</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="new-role">{t('users.role')}</label>
            <select
              id="new-role"
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as 'admin' })}
            >
              <option value="operator">{t('role.operator')}</option>
              <option value="admin">{t('role.admin')}</option>
            </select>
          </div>
          <button
            type="submit"
            className="primary"
            disabled={!form.username || !form.password || create.isPending}
          >
            {t('users.create')}
          </button>
        </div>
      </form>
      <div className="card">
        <ErrorBanner error={users.error ?? change.error ?? remove.error} />
        {users.isLoading ? <Loading /> : null}
        {users.data ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('login.username')}</th>
                  <th>{t('users.role')}</th>
                  <th>{t('users.active')}</th>
                  <th>{t('users.lastLogin')}</th>
                  <th>
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <tr key={u.id}>
                    <td>
                      {u.username}
                      {u.id === me?.id ? <span className="muted small"> ({t('users.you')})</span> : null}
                    </td>
                    <td>
                      <select
                        aria-label={t('users.roleOf', { user: u.username })}
                        value={u.role}
                        onChange={(e) =>
                          change.mutate({ id: u.id, body: { role: e.target.value as 'admin' } })
                        }
                      >
                        <option value="operator">{t('role.operator')}</option>
                        <option value="admin">{t('role.admin')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('users.activeOf', { user: u.username })}
                        checked={u.active}
                        onChange={(e) => change.mutate({ id: u.id, body: { active: e.target.checked } })}
                      />
                    </td>
                    <td className="small">{formatDate(u.lastLoginAt, language)}</td>
                    <td className="row" style={{ justifyContent: 'end' }}>
                      <button
                        type="button"
                        className="small"
                        onClick={() => {
                          const password = window.prompt(t('users.newPasswordFor', { user: u.username }));
                          if (password) change.mutate({ id: u.id, body: { password } });
                        }}
                      >
                        {t('users.setPassword')}
                      </button>
                      <button
                        type="button"
                        className="small danger"
                        disabled={u.id === me?.id}
                        onClick={() => {
                          if (window.confirm(t('users.confirmDelete', { user: u.username })))
                            remove.mutate(u.id);
                        }}
                      >
                        {t('common.delete')}
                      </button>
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
