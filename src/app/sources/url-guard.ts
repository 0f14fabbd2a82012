import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { RelpackError } from '../../engine/index.js';

export const UrlErrorCode = {
  URL_NOT_ALLOWED: 'URL_NOT_ALLOWED',
  DOWNLOAD_FAILED: 'DOWNLOAD_FAILED',
  DOWNLOAD_TOO_LARGE: 'DOWNLOAD_TOO_LARGE',
} as const;

/** Addresses a server-side download must never reach unless private URLs are allowed. */
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return BLOCKED.check(address, 'ipv4');
}

/** Checks the scheme and, for literal IP hosts, the address; names are checked when they resolve. */
export function assertUrlAllowed(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RelpackError(UrlErrorCode.URL_NOT_ALLOWED, `Not a URL: ${raw}`, { url: raw });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RelpackError(
      UrlErrorCode.URL_NOT_ALLOWED,
      `Only http and https URLs are downloaded (got ${url.protocol})`,
      { url: raw },
    );
  }
  if (url.username || url.password) {
    throw new RelpackError(UrlErrorCode.URL_NOT_ALLOWED, 'URLs with credentials are refused', {
      url: url.origin,
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isBlockedAddress(host)) {
    throw new RelpackError(
      UrlErrorCode.URL_NOT_ALLOWED,
      `${host} is a private, loopback or link-local address`,
      { url: raw },
    );
  }
  if (!allowPrivate && /^(localhost|metadata\.google\.internal)$/i.test(host)) {
    throw new RelpackError(UrlErrorCode.URL_NOT_ALLOWED, `${host} is not reachable from relpack downloads`, {
      url: raw,
    });
  }
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

/**
 * A DNS lookup for the HTTP client that refuses blocked addresses. The check happens on the
 * address the socket actually connects to, so a name that resolves differently the second time
 * (DNS rebinding) or a redirect to a private host is refused as well.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as { address: string; family: number }[];
      const allowed = allowPrivate ? list : list.filter((a) => !isBlockedAddress(a.address));
      if (allowed.length === 0) {
        const blocked = Object.assign(
          new Error(`${hostname} resolves to a private, loopback or link-local address`),
          {
            code: 'ERR_RELPACK_BLOCKED_ADDRESS',
          },
        );
        return callback(blocked, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
