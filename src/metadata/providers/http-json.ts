import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const ProviderErrorCode = {
  PROVIDER_TIMEOUT: 'PROVIDER_TIMEOUT',
  PROVIDER_ERROR: 'PROVIDER_ERROR',
  PROVIDER_BAD_RESPONSE: 'PROVIDER_BAD_RESPONSE',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  PROVIDER_DISABLED: 'PROVIDER_DISABLED',
} as const satisfies Record<string, ErrorCode>;

/**
 * One GET returning JSON: a timeout per attempt, retries with exponential backoff that honour
 * `Retry-After` on 429/503, and errors that name the provider and what went wrong.
 */
export async function getJson(
  provider: string,
  url: string,
  options: { timeoutMs: number; retries: number; headers?: Record<string, string>; signal?: AbortSignal },
): Promise<unknown> {
  return requestJson(provider, url, options);
}

/** getJson for any method; a `json` body is sent as JSON (TVDB's login is a POST). */
export async function requestJson(
  provider: string,
  url: string,
  options: {
    timeoutMs: number;
    retries: number;
    method?: 'get' | 'post';
    json?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<unknown> {
  let text: string;
  const method = options.method ?? 'get';
  // ky, at import, builds a Request to probe for streams, which loads fetch's engine (undici):
  // ~10 MiB that every command paid whether it looked anything up or not.
  const { default: ky, HTTPError, TimeoutError } = await import('ky');
  try {
    text = await ky(url, {
      method,
      ...(options.json === undefined ? {} : { json: options.json }),
      timeout: options.timeoutMs,
      retry: {
        limit: options.retries,
        methods: [method],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: 60_000,
        backoffLimit: 5_000,
      },
      headers: {
        accept: 'application/json',
        'user-agent': 'relpack (metadata lookup)',
        ...options.headers,
      },
      ...(options.signal ? { signal: options.signal } : {}),
    }).text();
  } catch (error) {
    if (error instanceof TimeoutError) {
      throw new RelpackError(
        ProviderErrorCode.PROVIDER_TIMEOUT,
        `${provider} did not answer within ${options.timeoutMs} ms`,
        { provider },
      );
    }
    if (error instanceof HTTPError) {
      throw new RelpackError(
        ProviderErrorCode.PROVIDER_ERROR,
        `${provider} answered HTTP ${error.response.status}`,
        { provider, status: error.response.status },
      );
    }
    throw new RelpackError(
      ProviderErrorCode.PROVIDER_ERROR,
      `${provider} is unreachable: ${(error as Error).message}`,
      { provider },
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RelpackError(
      ProviderErrorCode.PROVIDER_BAD_RESPONSE,
      `${provider} sent a response that is not JSON`,
      { provider },
    );
  }
}
