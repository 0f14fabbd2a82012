// The signed-in session: the access token lives in memory only; the refresh token is an httpOnly
// cookie the browser sends to /api/auth, so a reload signs back in without storing any secret.

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly role: 'admin' | 'operator';
}

interface TokenAnswer {
  accessToken: string;
  user: SessionUser;
}

type Listener = (user: SessionUser | null) => void;

let accessToken: string | null = null;
let currentUser: SessionUser | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export const session = {
  get user(): SessionUser | null {
    return currentUser;
  },
  get token(): string | null {
    return accessToken;
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(answer: TokenAnswer | null): void {
    accessToken = answer?.accessToken ?? null;
    currentUser = answer?.user ?? null;
    for (const l of listeners) l(currentUser);
  },
  /**
   * Trades the refresh cookie for a new access token; one at a time per tab, and one at a time
   * across tabs (Web Locks), because the server revokes a whole family when a rotated refresh token
   * is presented twice.
   */
  refresh(): Promise<boolean> {
    refreshing ??= withLock(async () => {
      const res = await fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!res.ok) {
        session.set(null);
        return false;
      }
      session.set((await res.json()) as TokenAnswer);
      return true;
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  },
};

function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('relpack-refresh', run) : run();
}

/** Seconds before expiry at which the background refresh runs. */
const REFRESH_MARGIN_MS = 60_000;

/** Reads `exp` from the JWT (no verification: the server does that) to plan the next refresh. */
export function tokenExpiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** Keeps the access token fresh while a tab is open; returns the stop function. */
export function keepSessionFresh(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = () => {
    clearTimeout(timer);
    const exp = accessToken ? tokenExpiresAt(accessToken) : null;
    if (!exp) return;
    timer = setTimeout(() => void session.refresh(), Math.max(5_000, exp - Date.now() - REFRESH_MARGIN_MS));
  };
  const stop = session.subscribe(plan);
  plan();
  return () => {
    stop();
    clearTimeout(timer);
  };
}
