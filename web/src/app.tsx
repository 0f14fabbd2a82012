import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { Layout } from './components/layout';
import { Loading } from './components/ui';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AuthProvider, loginUrl, RequireAuth } from './lib/auth';
import { ThemeProvider } from './lib/theme';
import { DashboardPage } from './pages/dashboard';
import { JobPage } from './pages/job';
import { JobsPage } from './pages/jobs';
import { LoginPage } from './pages/login';

// The heavier pages load on first visit (the template editor pulls in CodeMirror).
const WizardPage = lazy(() => import('./wizard/wizard-page'));
const TemplatesPage = lazy(() => import('./pages/templates'));
const TemplateEditPage = lazy(() => import('./pages/template-edit'));
const PreferencesPage = lazy(() => import('./pages/preferences'));
const AdminPage = lazy(() => import('./pages/admin/admin'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

/** A 401 that a refresh could not fix sends the user to the login page, remembering where they were. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.clear();
      navigate(loginUrl(window.location), { replace: true });
    });
  }, [navigate]);
  void location;
  return null;
}

function StatusPage({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <h1>{kind === 'forbidden' ? t('page.forbidden') : t('page.notFound')}</h1>
      <p className="muted">{kind === 'forbidden' ? t('page.forbiddenText') : t('page.notFoundText')}</p>
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <I18nProvider>
          <BrowserRouter>
            <AuthProvider>
              <UnauthorizedRedirect />
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <Layout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<DashboardPage />} />
                    <Route path="new" element={<Navigate to="/new/type" replace />} />
                    <Route path="new/:step" element={<WizardPage />} />
                    <Route path="jobs" element={<JobsPage />} />
                    <Route path="jobs/:id" element={<JobPage />} />
                    <Route path="templates" element={<TemplatesPage />} />
                    <Route path="templates/:id" element={<TemplateEditPage />} />
                    <Route path="preferences" element={<PreferencesPage />} />
                    <Route
                      path="admin/*"
                      element={
                        <RequireAuth needs="admin">
                          <AdminPage />
                        </RequireAuth>
                      }
                    />
                    <Route path="forbidden" element={<StatusPage kind="forbidden" />} />
                    <Route path="*" element={<StatusPage kind="notFound" />} />
                  </Route>
                </Routes>
              </Suspense>
            </AuthProvider>
          </BrowserRouter>
        </I18nProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
