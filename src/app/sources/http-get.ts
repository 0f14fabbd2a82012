import type { ClientRequest, IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';

export interface HttpGetOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly lookup: LookupFunction;
  /** Connect plus the response head must arrive within this. */
  readonly headersTimeoutMs: number;
  /** The socket may be silent this long while the body flows. */
  readonly idleTimeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface HttpGetResponse {
  readonly response: IncomingMessage;
  /** Ends the exchange (socket included) whatever state it is in; safe to call twice. */
  close(): void;
}

/**
 * One GET over `node:http`/`node:https` on a fresh connection (no pooling, so nothing a hostile
 * peer sends outlives its request). Downloads do not use undici: its HTTP/1 parser asserts
 * `!this.paused` from the socket's `end` handler when a peer sends head, body and FIN in one burst
 * while the body is under backpressure, an uncatchable crash (nodejs/undici#5360, fixed only by
 * #5474 in undici 8). Node's own client reports every peer failure as an `error` event instead.
 */
export async function httpGet(url: URL, options: HttpGetOptions): Promise<HttpGetResponse> {
  // Loaded on the first download: on Node 24, importing node:http as an ES module also loads
  // http2, undici and perf_hooks (its exports include lazy Web API getters), 7 MB for every
  // command that only packs.
  const { request: send } =
    url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    let settled = false;
    let req: ClientRequest;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(headTimer);
      req.destroy();
      reject(error);
    };
    req = send(url, {
      method: 'GET',
      agent: false,
      lookup: options.lookup,
      headers: options.headers,
      // Peers that break the framing rules are refused, not guessed at.
      insecureHTTPParser: false,
      maxHeaderSize: 32 * 1024,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Whatever the peer does after the response completed (bytes past Content-Length, a reset)
    // arrives here; before that, `fail` reports it, afterwards the response stream does.
    req.on('error', (error) => fail(error));
    const headTimer = setTimeout(
      () => fail(Object.assign(new Error('no answer in time'), { code: 'ETIMEDOUT' })),
      options.headersTimeoutMs,
    );
    req.setTimeout(options.idleTimeoutMs, () =>
      req.destroy(Object.assign(new Error('the connection went silent'), { code: 'ETIMEDOUT' })),
    );
    req.on('response', (response) => {
      if (settled) {
        response.destroy();
        return;
      }
      settled = true;
      clearTimeout(headTimer);
      resolve({
        response,
        close: () => {
          response.destroy();
          req.destroy();
        },
      });
    });
    req.end();
  });
}
