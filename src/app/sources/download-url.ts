import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RelpackError } from '../../engine/index.js';
import { httpGet } from './http-get.js';
import { hostNotAllowed, UrlErrorCode, type UrlPolicy } from './url-guard.js';

export interface DownloadOptions {
  readonly url: string;
  /** The file is written to `<dir>/<name>.part`, renamed to `<dir>/<name>` when complete. */
  readonly dir: string;
  readonly maxBytes: number;
  readonly timeoutSeconds: number;
  readonly policy: UrlPolicy;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number | null) => void;
  readonly log?: (message: string) => void;
}

const MAX_REDIRECTS = 5;

/** A file name from the URL path, safe for the file system. */
export function downloadName(url: URL): string {
  const last = decodeURIComponent(basename(url.pathname) || 'download').replace(/[^A-Za-z0-9._-]+/g, '_');
  return last.replace(/^\.+/, '').slice(0, 200) || 'download';
}

/**
 * Streams a URL to disk with a timeout and a size limit, following redirects itself so each hop
 * is checked (scheme and, through the guarded lookup, the address connected to). A `.part` file
 * left by an earlier attempt is resumed with a Range request when the server supports it.
 */
export async function downloadUrl(
  options: DownloadOptions,
): Promise<{ path: string; size: number; resumed: boolean }> {
  let url = options.policy.assertAllowed(options.url);
  const name = downloadName(url);
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const final = join(options.dir, name);
  const done = await stat(final).catch(() => null);
  if (done) return { path: final, size: done.size, resumed: false };
  const part = `${final}.part`;
  let have = (await stat(part).catch(() => null))?.size ?? 0;
  for (let hop = 0; ; hop++) {
    const { response, close } = await httpGet(url, {
      lookup: options.policy.lookup,
      // We never ask for a compressed body, so nothing here inflates what the peer sends.
      headers: {
        'user-agent': 'relpack',
        'accept-encoding': 'identity',
        ...(have > 0 ? { range: `bytes=${have}-` } : {}),
      },
      headersTimeoutMs: options.timeoutSeconds * 1000,
      idleTimeoutMs: options.timeoutSeconds * 2000,
      ...(options.signal ? { signal: options.signal } : {}),
    }).catch((error: Error & { code?: string }) => {
      if (options.signal?.aborted) throw error;
      if (error.code === 'ERR_RELPACK_BLOCKED_ADDRESS') throw hostNotAllowed(url);
      throw failed(`Download of ${url.origin} failed: ${error.message}`, url);
    });
    try {
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = response.headers.location;
        if (!location || hop >= MAX_REDIRECTS) {
          throw failed(`Too many redirects or a redirect without a location from ${url.origin}`, url);
        }
        url = options.policy.assertAllowed(new URL(location, url).toString());
        options.log?.(`redirected to ${url.origin}${url.pathname}`);
        continue;
      }
      if (status === 416 && have > 0) {
        // The part file does not fit what the server has now: start again from the first byte.
        await rm(part, { force: true });
        have = 0;
        options.log?.('the partial download no longer matches the server; starting again');
        continue;
      }
      if (status !== 200 && status !== 206) {
        throw failed(`${url.origin} answered HTTP ${status}`, url, { status });
      }
      const encoding = response.headers['content-encoding'];
      if (encoding && encoding !== 'identity') {
        throw failed(
          `${url.origin} sent the file ${encoding}-encoded although relpack asked for it as is; link to the file itself`,
          url,
        );
      }
      const start = status === 206 ? resumeOffset(response, have, url) : 0;
      const resumed = start > 0;
      const length = Number(response.headers['content-length'] ?? Number.NaN);
      const total = Number.isFinite(length) ? start + length : null;
      if (total !== null && total > options.maxBytes) {
        throw new RelpackError(
          UrlErrorCode.DOWNLOAD_TOO_LARGE,
          `The file is ${total} bytes; the limit is ${options.maxBytes}`,
          { size: total, limit: options.maxBytes },
        );
      }
      if (resumed) options.log?.(`resuming at byte ${start}`);
      const received = await writeBody(response, part, start, total, options, url);
      if (total !== null && received !== total) {
        throw failed(`The download ended at ${received} of ${total} bytes; retry to resume`, url, {
          received,
          total,
        });
      }
      await rename(part, final);
      return { path: final, size: received, resumed };
    } finally {
      close();
    }
  }
}

function failed(message: string, url: URL, details: Record<string, unknown> = {}): RelpackError {
  return new RelpackError(UrlErrorCode.DOWNLOAD_FAILED, message, { url: url.toString(), ...details });
}

/** A 206 must continue exactly where the part file ends (`Content-Range: bytes <have>-…`). */
function resumeOffset(response: IncomingMessage, have: number, url: URL): number {
  const range = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(String(response.headers['content-range'] ?? ''));
  if (!range || Number(range[1]) !== have) {
    throw failed(
      `${url.origin} resumed at ${range ? `byte ${range[1]}` : 'an unstated offset'} instead of byte ${have}; retry to download again`,
      url,
    );
  }
  return have;
}

/**
 * Streams the body into the part file, at most `maxBytes` in all and never past a declared
 * length (bytes a peer sends beyond its Content-Length are not part of the file).
 */
async function writeBody(
  response: IncomingMessage,
  part: string,
  start: number,
  total: number | null,
  options: DownloadOptions,
  url: URL,
): Promise<number> {
  let received = start;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const room = (total ?? Number.POSITIVE_INFINITY) - received;
      const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
      received += piece.length;
      if (received > options.maxBytes) {
        callback(
          new RelpackError(
            UrlErrorCode.DOWNLOAD_TOO_LARGE,
            `The download passed the limit of ${options.maxBytes} bytes`,
            { limit: options.maxBytes },
          ),
        );
        return;
      }
      options.onProgress?.(received, total);
      callback(null, piece);
    },
  });
  try {
    await pipeline(
      response,
      meter,
      createWriteStream(part, { flags: start > 0 ? 'a' : 'w', mode: 0o600 }),
      options.signal ? { signal: options.signal } : {},
    );
  } catch (error) {
    if (error instanceof RelpackError || options.signal?.aborted) throw error;
    throw failed(
      `The download from ${url.origin} broke off after ${received} bytes (${(error as Error).message}); retry to resume`,
      url,
      { received },
    );
  }
  return received;
}
