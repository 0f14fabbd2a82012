import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { keepSessionFresh, type SessionUser, session } from '../api/session';
import { Loading } from '../components/ui';

interface AuthState {
  readonly user: SessionUser | null;
  /** False until the first refresh attempt (a reload) has answered. */
  readonly ready: boolean;
}

const AuthContext = createContext<AuthState>({ user: null, ready: false });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ user: session.user, ready: Boolean(session.user) });
  useEffect(() => {
    const stop = session.subscribe((user) => setState({ user, ready: true }));
    if (!session.user) void session.refresh().finally(() => setState({ user: session.user, ready: true }));
    const stopFresh = keepSessionFresh();
    return () => {
      stop();
      stopFresh();
    };
  }, []);
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export const useAuth = () => useContext(AuthContext);

/** The login URL that brings the user back here afterwards. */
export function loginUrl(location: { pathname: string; search: string }): string {
  const back = `${location.pathname}${location.search}`;
  return back === '/' || back.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(back)}`;
}

export function RequireAuth({ children, needs }: { children: ReactNode; needs?: 'admin' }) {
  const { user, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!user) return <Navigate to={loginUrl(location)} replace />;
  if (needs === 'admin' && user.role !== 'admin') return <Navigate to="/forbidden" replace />;
  return <>{children}</>;
}
