import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import { session } from './session';

/** The error body every API route answers with, as a throwable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;
/** What to do when the session is gone for good (the app sends the user to the login page). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

const isAuthCall = (url: string) => /\/api\/auth\/(login|refresh|logout)$/.test(new URL(url).pathname);

/**
 * fetch with the access token; on a 401 it refreshes once and repeats the call, and when that
 * fails too the app is told to show the login page.
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (request: Request) => {
    if (session.token) request.headers.set('authorization', `Bearer ${session.token}`);
    return fetch(request);
  };
  const first = await send(input);
  if (first.status !== 401 || isAuthCall(input.url)) return first;
  if (await session.refresh()) {
    const second = await send(retry);
    if (second.status !== 401) return second;
  }
  onUnauthorized();
  return first;
}

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  fetch: authFetch,
  credentials: 'same-origin',
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiError with the server's code and message. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  };
  throw new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.error?.details ?? {},
  );
}

export type Schemas = import('./schema.gen').components['schemas'];
