import { BlockList, isIP } from 'node:net';
import { RelpackError } from '../../engine/index.js';
import type { ErrorCode } from '../../errors/index.js';

export const UrlErrorCode = {
  URL_NOT_ALLOWED: 'URL_NOT_ALLOWED',
  DOWNLOAD_FAILED: 'DOWNLOAD_FAILED',
  DOWNLOAD_TOO_LARGE: 'DOWNLOAD_TOO_LARGE',
} as const satisfies Record<string, ErrorCode>;

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
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // IPv4-compatible addresses (::a.b.c.d, and so :: and ::1). IPv4-mapped ones (::ffff:a.b.c.d)
  // need no rule: BlockList checks them against the IPv4 subnets above.
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6');
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The one answer for a host that is private, unknown or unreachable by name: distinct messages
 * would let a user map the internal network and its DNS through the download error.
 */
export function hostNotAllowed(url: URL | string): RelpackError {
  const origin = typeof url === 'string' ? url : url.origin;
  return new RelpackError(
    UrlErrorCode.URL_NOT_ALLOWED,
    `${origin} cannot be downloaded from: the host is unknown or not a public address (relpack downloads only from public addresses; see RELPACK_URL_ALLOWED_NETWORKS)`,
    { url: origin },
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

export interface UrlPolicyOptions {
  /** Every address is allowed (a trusted, closed network). */
  readonly allowPrivate: boolean;
  /** CIDR ranges allowed although they are private (a NAS on the LAN), e.g. `192.168.1.0/24`. */
  readonly allowedNetworks?: readonly string[];
}

/**
 * What outbound requests may reach: one object for URL sources and redirects alike, checked on
 * the URL before anything is sent and again on the address each socket connects to.
 */
export class UrlPolicy {
  readonly allowPrivate: boolean;
  private readonly allowed = new BlockList();

  constructor(options: UrlPolicyOptions) {
    this.allowPrivate = options.allowPrivate;
    for (const cidr of options.allowedNetworks ?? []) {
      const [net, bits] = parseCidr(cidr);
      this.allowed.addSubnet(net, bits, isIP(net) === 6 ? 'ipv6' : 'ipv4');
    }
  }

  isAllowedAddress(address: string): boolean {
    if (this.allowPrivate) return true;
    const family = isIP(address);
    if (family !== 0 && this.allowed.check(address, family === 6 ? 'ipv6' : 'ipv4')) return true;
    return !isBlockedAddress(address);
  }

  /** Checks the scheme and, for literal IP hosts, the address; names are checked when they resolve. */
  assertAllowed(raw: string): URL {
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
    if (this.allowPrivate) return url;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.isAllowedAddress(host)) throw hostNotAllowed(url);
    if (/(^|\.)(localhost|metadata\.google\.internal)\.?$/i.test(host)) throw hostNotAllowed(url);
    return url;
  }

  /**
   * A DNS lookup for the HTTP client that refuses blocked addresses. The check happens on the
   * address the socket actually connects to, so a name that resolves differently the second time
   * (DNS rebinding) or a redirect to a private host is refused as well.
   */
  readonly lookup = (hostname: string, options: object, callback: LookupCallback): void => {
    // node:dns on the first download, not in every command that holds a policy.
    void import('node:dns').then(
      ({ lookup }) => this.checkedLookup(lookup, hostname, options, callback),
      (error: Error) => callback(error, []),
    );
  };

  private checkedLookup(
    dnsLookup: typeof import('node:dns').lookup,
    hostname: string,
    options: object,
    callback: LookupCallback,
  ): void {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      // A name that does not resolve is reported like a blocked one (see hostNotAllowed).
      if (error && !this.allowPrivate) return callback(blockedError(), []);
      if (error) return callback(error, []);
      const allowed = (addresses as { address: string; family: number }[]).filter((a) =>
        this.isAllowedAddress(a.address),
      );
      if (allowed.length === 0) return callback(blockedError(), []);
      if ((options as { all?: boolean }).all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }
}

/** `10.0.0.0/8` → ['10.0.0.0', 8]; a bare address is its own /32 or /128. Throws on anything else. */
export function parseCidr(cidr: string): [string, number] {
  const [net = '', bits] = cidr.trim().split('/');
  const family = isIP(net);
  const max = family === 6 ? 128 : 32;
  const prefix = bits === undefined ? max : Number(bits);
  if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new Error(`${cidr} is not an address or a CIDR range (e.g. 192.168.1.0/24)`);
  }
  return [net, prefix];
}

function blockedError(): NodeJS.ErrnoException {
  return Object.assign(new Error('the host is unknown or not a public address'), {
    code: 'ERR_RELPACK_BLOCKED_ADDRESS',
  });
}
