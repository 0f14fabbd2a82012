import { z } from 'zod';
import {
  type ArtifactView,
  type ImportChange,
  JobStreamDataSchemas,
  type JobStreamEvent,
  type LogLineView,
  type TemplateView,
} from '../../app/index.js';
import { isErrorCode, knownCode, RelpackError } from '../../errors/index.js';
import type { Backend, DestinationView, JobView } from './backend.js';
import { CliErrorCode } from './cli-error-code.js';
import { readLogins, type StoredLogin, saveLogin, withCredentialsLock } from './credentials.js';
import { badResponse, readEventStream } from './event-stream.js';

const StreamErrorSchema = z.object({ code: z.string(), message: z.string() });

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
  const username = (await readLogins()).find((l) => l.server === base)?.username ?? null;
  return {
    mode: 'server',
    username,
    listJobs: (q) => api('GET', `/api/jobs?${queryString(q)}`),
    getJob: (id) => api('GET', `/api/jobs/${encodeURIComponent(id)}`),
    createJob: (request) => api('POST', '/api/jobs', request),
    jobAction: (id, action) => api('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`),
    deleteJob: (id) => api('DELETE', `/api/jobs/${encodeURIComponent(id)}`),
    followJob: (id, options = {}) => followOverSse(base, id, token, options),
    logs: async (id, q) =>
      (
        await api<{ items: LogLineView[] }>(
          'GET',
          `/api/jobs/${encodeURIComponent(id)}/logs?${queryString(q)}`,
        )
      ).items,
    artifacts: async (id) =>
      (await api<{ items: ArtifactView[] }>('GET', `/api/jobs/${encodeURIComponent(id)}/artifacts`)).items,
    preferences: async () => (await api<{ items: never[] }>('GET', '/api/preferences')).items,
    setPreferences: async (values, global) => {
      await api('POST', `/api/preferences${g(global)}`, values);
    },
    unsetPreference: async (key, global) => {
      await api('DELETE', `/api/preferences${g(global)}/${encodeURIComponent(key)}`);
    },
    exportPreferences: (global) => api('POST', `/api/preferences${g(global)}/export`),
    importPreferences: async (doc, global, dryRun) =>
      (
        await api<{ changes: ImportChange[] }>(
          'POST',
          `/api/preferences${g(global)}/import?dryRun=${dryRun}`,
          doc,
        )
      ).changes,
    templates: async () => (await api<{ items: TemplateView[] }>('GET', '/api/templates')).items,
    async template(idOrName) {
      const all = await api<{ items: TemplateView[] }>('GET', '/api/templates');
      const hit = all.items.find((t) => t.id === idOrName) ?? all.items.find((t) => t.name === idOrName);
      if (!hit) throw new RelpackError('TEMPLATE_NOT_FOUND', `No template "${idOrName}"`, { idOrName });
      return hit;
    },
    async saveTemplate(draft) {
      const all = await api<{ items: TemplateView[] }>('GET', '/api/templates');
      const existing = all.items.find((t) => t.name === draft.name && !t.builtIn);
      if (existing) return api('PUT', `/api/templates/${existing.id}`, { body: draft.body });
      return api('POST', '/api/templates', draft);
    },
    renderTemplate: (input) => api('POST', '/api/templates/render', input),
    destinations: async () => (await api<{ items: DestinationView[] }>('GET', '/api/destinations')).items,
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
    releaseAction: (id, { action, body }) =>
      api('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`, body),
    previewReleaseAction: (id, { action, body }) =>
      api('POST', `/api/jobs/${encodeURIComponent(id)}/${action}/preview`, body),
    releaseHistory: (id) => api('GET', `/api/jobs/${encodeURIComponent(id)}/history`),
    releaseNames: (q) => api('GET', `/api/releases?${queryString(q)}`),
    uploadDirectory: async () => {
      throw new RelpackError(
        'SOURCE_NOT_LOCAL',
        'A release directory uploads from this machine: drop --server, or give the id of a pack job on the server',
        {},
      );
    },
    changePassword: async (currentPassword, newPassword) => {
      await api('POST', '/api/users/me/password', { currentPassword, newPassword });
    },
    close: async () => undefined,
  };

  async function destinationByName(idOrName: string): Promise<DestinationView> {
    const all = (await api<{ items: DestinationView[] }>('GET', '/api/destinations')).items;
    const hit = all.find((d) => d.id === idOrName) ?? all.find((d) => d.name === idOrName);
    if (!hit) {
      throw new RelpackError('DESTINATION_NOT_FOUND', `No destination "${idOrName}" on ${base}`, {
        destination: idOrName,
      });
    }
    return hit;
  }
}

/** A query object as the API's query string; absent values are left out. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null) params.set(key, String(value));
  return params.toString();
}

/** Reads `GET /api/jobs/:id/events` (Server-Sent Events) as the same events the local mode yields. */
export async function* followOverSse(
  base: string,
  id: string,
  token: string,
  options: { signal?: AbortSignal; logs?: boolean },
): AsyncGenerator<JobStreamEvent, void, undefined> {
  let response: Response;
  try {
    response = await fetch(`${base}/api/jobs/${encodeURIComponent(id)}/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) return;
    throw new RelpackError(
      CliErrorCode.SERVER_UNREACHABLE,
      `Cannot reach ${base}: ${(error as Error).message}`,
      {
        server: base,
      },
    );
  }
  if (!response.ok || !response.body) {
    const err = (
      (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null
    )?.error;
    throw new RelpackError(knownCode(err?.code), err?.message ?? `HTTP ${response.status}`, {});
  }
  try {
    for await (const { event, data } of readEventStream(response.body, base)) {
      if (event === 'error') {
        const e = contractOf(base, event, StreamErrorSchema, data);
        throw new RelpackError(knownCode(e.code), e.message, {});
      }
      // Each event's data is checked against the stream's contract, as the local mode yields it.
      if (event === 'snapshot' || event === 'end')
        yield { type: event, job: contractOf(base, event, JobStreamDataSchemas[event], data) };
      else if (event === 'log' && options.logs !== false)
        yield { type: 'log', line: contractOf(base, event, JobStreamDataSchemas.log, data) };
      else if (event === 'progress')
        yield { type: 'progress', progress: contractOf(base, event, JobStreamDataSchemas.progress, data) };
      else if (event === 'status')
        yield { type: 'status', status: contractOf(base, event, JobStreamDataSchemas.status, data).status };
      if (event === 'end') return;
    }
  } catch (error) {
    if (options.signal?.aborted) return;
    throw error;
  }
  throw new RelpackError(
    CliErrorCode.SERVER_UNREACHABLE,
    `${base} closed the event stream of job ${id} early`,
    {
      server: base,
    },
  );
}

/** An event's data as its contract says, or SERVER_BAD_RESPONSE naming the first broken field. */
function contractOf<T>(base: string, event: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'data';
  throw badResponse(base, `a "${event}" event that breaks its contract (${where}: ${issue?.message})`);
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
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    throw badResponse(
      base,
      `HTTP ${response.status} with a body that is not JSON (${JSON.stringify(text.slice(0, 60))})`,
    );
  }
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
