import type { ErrorCode } from '../../errors/index.js';
import { isErrorCode, knownCode, RelpackError } from '../../errors/index.js';
import type { Backend, DestinationRecord, JobView } from './backend.js';
import { readLogins, type StoredLogin, saveLogin, withCredentialsLock } from './credentials.js';

export const CliErrorCode = { SERVER_UNREACHABLE: 'SERVER_UNREACHABLE' } as const satisfies Record<
  string,
  ErrorCode
>;

export function normaliseServer(url: string): string {
  return url.replace(/\/+$/, '');
}

/** An access token this close to its expiry is refreshed rather than reused. */
const REUSE_MARGIN_MS = 60_000;

/**
 * The access token for a stored login: the one the last command left while it is still valid,
 * else a refresh (which rotates the stored refresh token). Under the credentials lock, so parallel
 * commands never present one refresh token twice.
 */
async function accessTokenFor(base: string, options: { forceRefresh?: boolean } = {}): Promise<string> {
  return withCredentialsLock(async () => {
    const login = (await readLogins()).find((l) => l.server === base);
    if (!login) {
      throw new RelpackError(
        'UNAUTHENTICATED',
        `Not logged in to ${base}: run relpack login --server ${base}`,
        { server: base },
      );
    }
    if (!options.forceRefresh && isFresh(login)) return login.accessToken!;
    const session = await callApi<{
      accessToken: string;
      accessTokenExpiresAt: string;
      refreshToken: string;
    }>(base, 'POST', '/api/auth/refresh', undefined, { refreshToken: login.refreshToken });
    await saveLogin({
      ...login,
      refreshToken: session.refreshToken,
      accessToken: session.accessToken,
      accessTokenExpiresAt: session.accessTokenExpiresAt,
    });
    return session.accessToken;
  });
}

function isFresh(login: StoredLogin): boolean {
  const expires = login.accessTokenExpiresAt ? Date.parse(login.accessTokenExpiresAt) : Number.NaN;
  return Boolean(login.accessToken) && expires - Date.now() > REUSE_MARGIN_MS;
}

/** Server mode: the same operations through the API with the login `relpack login` stored. */
export async function openHttpBackend(server: string): Promise<Backend> {
  const base = normaliseServer(server);
  let token = await accessTokenFor(base);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    try {
      return await callApi<T>(base, method, path, token, body);
    } catch (error) {
      // A reused token the server no longer takes (expired early, clock skew): refresh once.
      if (!(error instanceof RelpackError) || !['TOKEN_EXPIRED', 'TOKEN_INVALID'].includes(error.code))
        throw error;
      token = await accessTokenFor(base, { forceRefresh: true });
      return callApi<T>(base, method, path, token, body);
    }
  };
  const g = (global: boolean) => (global ? '/global' : '');
  return {
    mode: 'server',
    async listJobs(q) {
      const params = new URLSearchParams({ limit: String(q.limit), offset: String(q.offset ?? 0) });
      if (q.status) params.set('status', q.status);
      if (q.type) params.set('type', q.type);
      if (q.parent) params.set('parent', q.parent);
      if (q.q) params.set('q', q.q);
      return api('GET', `/api/jobs?${params}`);
    },
    getJob: (id) => api<JobView>('GET', `/api/jobs/${encodeURIComponent(id)}`),
    createJob: (config) => api('POST', '/api/jobs', config),
    jobAction: (id, action) => api('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`),
    deleteJob: (id) => api('DELETE', `/api/jobs/${encodeURIComponent(id)}`),
    async logs(id, o) {
      const params = new URLSearchParams({ limit: String(o.limit) });
      if (o.after !== undefined) params.set('after', String(o.after));
      if (o.level) params.set('level', o.level);
      return (await api<{ items: never[] }>('GET', `/api/jobs/${encodeURIComponent(id)}/logs?${params}`))
        .items;
    },
    artifacts: async (id) =>
      (await api<{ items: never[] }>('GET', `/api/jobs/${encodeURIComponent(id)}/artifacts`)).items.map(
        ({ createdAt: _c, ...a }: Record<string, unknown>) => a as never,
      ),
    preferences: async () => (await api<{ items: never[] }>('GET', '/api/preferences')).items,
    setPreferences: async (values, global) => {
      await api('POST', `/api/preferences${g(global)}`, values);
    },
    unsetPreference: async (key, global) => {
      await api('DELETE', `/api/preferences${g(global)}/${encodeURIComponent(key)}`);
    },
    exportPreferences: (global) => api('POST', `/api/preferences${g(global)}/export`),
    importPreferences: async (doc, global, dryRun) =>
      (await api<{ changes: never[] }>('POST', `/api/preferences${g(global)}/import?dryRun=${dryRun}`, doc))
        .changes,
    templates: async () => (await api<{ items: never[] }>('GET', '/api/templates')).items,
    async template(idOrName) {
      const all = await api<{ items: Record<string, unknown>[] }>('GET', '/api/templates');
      const hit = all.items.find((t) => t.id === idOrName) ?? all.items.find((t) => t.name === idOrName);
      if (!hit) throw new RelpackError('TEMPLATE_NOT_FOUND', `No template "${idOrName}"`, { idOrName });
      return hit;
    },
    async saveTemplate(draft) {
      const all = await api<{ items: Record<string, unknown>[] }>('GET', '/api/templates');
      const existing = all.items.find((t) => t.name === draft.name && !t.builtIn);
      if (existing) return api('PUT', `/api/templates/${existing.id}`, { body: draft.body });
      return api('POST', '/api/templates', draft);
    },
    renderTemplate: (input) => api('POST', '/api/templates/render', input),
    destinations: async () => (await api<{ items: DestinationRecord[] }>('GET', '/api/destinations')).items,
    destination: (idOrName) => destinationByName(idOrName),
    createDestination: (body) => api('POST', '/api/destinations', body),
    updateDestination: async (idOrName, body) =>
      api('PUT', `/api/destinations/${(await destinationByName(idOrName)).id}`, body),
    deleteDestination: async (idOrName) =>
      api('DELETE', `/api/destinations/${(await destinationByName(idOrName)).id}`),
    testDestination: async (idOrName) =>
      api('POST', `/api/destinations/${(await destinationByName(idOrName)).id}/test`),
    uploadJob: async (packJobId, destinations) =>
      (
        await api<{ items: JobView[] }>('POST', `/api/jobs/${encodeURIComponent(packJobId)}/upload`, {
          destinations,
        })
      ).items,
    uploadDirectory: async () => {
      throw new RelpackError(
        'SOURCE_NOT_LOCAL',
        'A release directory uploads from this machine: drop --server, or give the id of a pack job on the server',
        {},
      );
    },
    close: async () => undefined,
  };

  async function destinationByName(idOrName: string): Promise<DestinationRecord> {
    const all = (await api<{ items: DestinationRecord[] }>('GET', '/api/destinations')).items;
    const hit = all.find((d) => d.id === idOrName) ?? all.find((d) => d.name === idOrName);
    if (!hit) {
      throw new RelpackError('DESTINATION_NOT_FOUND', `No destination "${idOrName}" on ${base}`, {
        destination: idOrName,
      });
    }
    return hit;
  }
}

/** One API call; an error answer becomes the same coded error the local mode would throw. */
export async function callApi<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new RelpackError(
      CliErrorCode.SERVER_UNREACHABLE,
      `Cannot reach ${base}: ${(error as Error).message}`,
      {
        server: base,
      },
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const err = (
      parsed as { error?: { code: string; message: string; details: Record<string, unknown> } } | null
    )?.error;
    // A code this CLI does not know (a newer server) keeps its text in the details.
    throw new RelpackError(knownCode(err?.code), err?.message ?? `HTTP ${response.status}`, {
      ...(err?.details ?? {}),
      ...(err?.code && !isErrorCode(err.code) ? { serverCode: err.code } : {}),
    });
  }
  return parsed as T;
}
