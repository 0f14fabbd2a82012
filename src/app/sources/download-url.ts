import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { RelpackError } from '../../engine/index.js';
import { assertUrlAllowed, guardedLookup, UrlErrorCode } from './url-guard.js';

export interface DownloadOptions {
  readonly url: string;
  /** The file is written to `<dir>/<name>.part`, renamed to `<dir>/<name>` when complete. */
  readonly dir: string;
  readonly maxBytes: number;
  readonly timeoutSeconds: number;
  readonly allowPrivate: boolean;
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
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.allowPrivate), timeout: options.timeoutSeconds * 1000 },
    headersTimeout: options.timeoutSeconds * 1000,
    bodyTimeout: options.timeoutSeconds * 2000,
  });
  try {
    let url = assertUrlAllowed(options.url, options.allowPrivate);
    const name = downloadName(url);
    await mkdir(options.dir, { recursive: true });
    const final = join(options.dir, name);
    const done = await stat(final).catch(() => null);
    if (done) return { path: final, size: done.size, resumed: false };
    const part = `${final}.part`;
    const have = (await stat(part).catch(() => null))?.size ?? 0;
    for (let hop = 0; ; hop++) {
      const response = await request(url, {
        method: 'GET',
        dispatcher: agent,
        headers: { 'user-agent': 'relpack', ...(have > 0 ? { range: `bytes=${have}-` } : {}) },
        ...(options.signal ? { signal: options.signal } : {}),
      }).catch((error: Error & { code?: string; cause?: { code?: string } }) => {
        const blocked =
          error.code === 'ERR_RELPACK_BLOCKED_ADDRESS' || error.cause?.code === 'ERR_RELPACK_BLOCKED_ADDRESS';
        throw new RelpackError(
          blocked ? UrlErrorCode.URL_NOT_ALLOWED : UrlErrorCode.DOWNLOAD_FAILED,
          `Download of ${url.origin} failed: ${error.message}`,
          {
            url: url.toString(),
          },
        );
      });
      if ([301, 302, 303, 307, 308].includes(response.statusCode)) {
        await response.body.dump();
        const location = response.headers.location;
        if (!location || hop >= MAX_REDIRECTS) {
          throw new RelpackError(
            UrlErrorCode.DOWNLOAD_FAILED,
            `Too many redirects or a redirect without a location from ${url.origin}`,
            { url: url.toString() },
          );
        }
        url = assertUrlAllowed(new URL(String(location), url).toString(), options.allowPrivate);
        options.log?.(`redirected to ${url.origin}${url.pathname}`);
        continue;
      }
      if (response.statusCode !== 200 && response.statusCode !== 206) {
        await response.body.dump();
        throw new RelpackError(
          UrlErrorCode.DOWNLOAD_FAILED,
          `${url.origin} answered HTTP ${response.statusCode}`,
          { url: url.toString(), status: response.statusCode },
        );
      }
      const resumed = response.statusCode === 206 && have > 0;
      const start = resumed ? have : 0;
      const length = Number(response.headers['content-length'] ?? Number.NaN);
      const total = Number.isFinite(length) ? start + length : null;
      if (total !== null && total > options.maxBytes) {
        await response.body.dump();
        throw new RelpackError(
          UrlErrorCode.DOWNLOAD_TOO_LARGE,
          `The file is ${total} bytes; the limit is ${options.maxBytes}`,
          { size: total, limit: options.maxBytes },
        );
      }
      if (resumed) options.log?.(`resuming at byte ${have}`);
      let received = start;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
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
          callback(null, chunk);
        },
      });
      try {
        await pipeline(
          response.body,
          meter,
          createWriteStream(part, { flags: resumed ? 'a' : 'w' }),
          options.signal ? { signal: options.signal } : {},
        );
      } catch (error) {
        if (error instanceof RelpackError || options.signal?.aborted) throw error;
        throw new RelpackError(
          UrlErrorCode.DOWNLOAD_FAILED,
          `The download from ${url.origin} broke off after ${received} bytes (${(error as Error).message}); retry to resume`,
          { received },
        );
      }
      if (total !== null && received !== total) {
        throw new RelpackError(
          UrlErrorCode.DOWNLOAD_FAILED,
          `The download ended at ${received} of ${total} bytes; retry to resume`,
          { received, total },
        );
      }
      await rename(part, final);
      return { path: final, size: received, resumed };
    }
  } finally {
    await agent.close();
  }
}
