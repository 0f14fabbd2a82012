import { RelpackError } from '../engine/index.js';
import type { ErrorCode } from '../errors/index.js';

/** What went wrong talking to a destination; each kind has its own advice for the user. */
export const DeliveryErrorCode = {
  DELIVERY_DNS: 'DELIVERY_DNS',
  DELIVERY_REFUSED: 'DELIVERY_REFUSED',
  DELIVERY_TLS: 'DELIVERY_TLS',
  DELIVERY_HOST_KEY: 'DELIVERY_HOST_KEY',
  DELIVERY_AUTH: 'DELIVERY_AUTH',
  DELIVERY_PERMISSION: 'DELIVERY_PERMISSION',
  DELIVERY_DISK_FULL: 'DELIVERY_DISK_FULL',
  DELIVERY_NETWORK: 'DELIVERY_NETWORK',
  DELIVERY_VERIFY_FAILED: 'DELIVERY_VERIFY_FAILED',
  DELIVERY_PROTOCOL: 'DELIVERY_PROTOCOL',
} as const satisfies Record<string, ErrorCode>;

export type DeliveryErrorCodeValue = (typeof DeliveryErrorCode)[keyof typeof DeliveryErrorCode];

export interface DeliveryErrorDetails {
  readonly host: string;
  /** Worth retrying with backoff (a dropped connection), as opposed to failing fast (bad password). */
  readonly transient: boolean;
  /** The server's own words, when it said something. */
  readonly serverMessage?: string;
  readonly [key: string]: unknown;
}

export class DeliveryError extends RelpackError<DeliveryErrorDetails> {}

export function isTransientDeliveryError(error: unknown): boolean {
  return error instanceof DeliveryError && error.details.transient;
}

const ADVICE: Record<DeliveryErrorCodeValue, string> = {
  DELIVERY_DNS: 'check the host name',
  DELIVERY_REFUSED: 'check the host, the port and that the server is running',
  DELIVERY_TLS:
    "the server's certificate is not trusted: fix it, pin its SHA-256 fingerprint, or explicitly accept self-signed certificates",
  DELIVERY_HOST_KEY: "pin the server's host key fingerprint (or enable trust on first use)",
  DELIVERY_AUTH: 'check the username and the password or private key',
  DELIVERY_PERMISSION: 'check that the user may write to the remote path',
  DELIVERY_DISK_FULL: 'free space on the server',
  DELIVERY_NETWORK: 'the connection dropped; the upload resumes where it stopped',
  DELIVERY_VERIFY_FAILED: 'the remote copy differs from the local file',
  DELIVERY_PROTOCOL: 'the server answered something unexpected',
};

export function deliveryError(
  code: DeliveryErrorCodeValue,
  host: string,
  what: string,
  extra: { transient?: boolean; serverMessage?: string; cause?: unknown; [key: string]: unknown } = {},
): DeliveryError {
  const { cause, transient, ...rest } = extra;
  const isTransient =
    transient ?? (code === 'DELIVERY_NETWORK' || code === 'DELIVERY_REFUSED' || code === 'DELIVERY_DNS');
  return new DeliveryError(
    code,
    `${what} (${host}): ${ADVICE[code]}`,
    { host, transient: isTransient, ...rest },
    cause === undefined ? undefined : { cause },
  );
}

const TLS_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ALTNAME/;
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const NETWORK_MESSAGES =
  /timeout|timed out|socket (hang up|closed)|closed by|unexpected (end|close)|FIN packet|connection lost|not connected|No response from server|ECONNRESET|EPIPE|Client is closed/i;

/**
 * Turns whatever basic-ftp, ssh2 or Node threw into a DeliveryError with a kind the user can act
 * on. FTP replies are classified by their code (RFC 959: 4xx transient, 5xx permanent).
 */
export function classifyDeliveryError(error: unknown, host: string, doing: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: unknown; message?: string; level?: string };
  const message = e?.message ?? String(error);
  const code = e?.code;
  const ctx = { cause: error, serverMessage: message };
  if (typeof code === 'number' && code >= 100) {
    // An FTP reply.
    if (code === 530 || code === 532) return deliveryError('DELIVERY_AUTH', host, `Login refused`, ctx);
    if (code === 552 || code === 452)
      return deliveryError('DELIVERY_DISK_FULL', host, `${doing}: ${message}`, { ...ctx, transient: false });
    if (code === 550 || code === 553)
      return deliveryError('DELIVERY_PERMISSION', host, `${doing}: ${message}`, ctx);
    if (code >= 400 && code < 500)
      return deliveryError('DELIVERY_NETWORK', host, `${doing}: ${message}`, ctx);
    return deliveryError('DELIVERY_PROTOCOL', host, `${doing}: ${message}`, { ...ctx, transient: false });
  }
  if (typeof code === 'number') {
    // An SFTP status (draft-ietf-secsh-filexfer: 2 no such file, 3 permission denied, 4 failure).
    if (code === 3) return deliveryError('DELIVERY_PERMISSION', host, `${doing}: ${message}`, ctx);
    if (code === 2) return deliveryError('DELIVERY_PERMISSION', host, `${doing}: no such path`, ctx);
    if (code === 4 && /space|quota|full/i.test(message))
      return deliveryError('DELIVERY_DISK_FULL', host, `${doing}: ${message}`, ctx);
    if (code === 6 || code === 7) return deliveryError('DELIVERY_NETWORK', host, `${doing}: ${message}`, ctx);
    return deliveryError('DELIVERY_PROTOCOL', host, `${doing}: ${message}`, { ...ctx, transient: false });
  }
  const text = typeof code === 'string' ? code : '';
  if (text === 'ENOTFOUND' || /getaddrinfo ENOTFOUND/.test(message))
    return deliveryError('DELIVERY_DNS', host, `Host not found`, { ...ctx, transient: false });
  if (text === 'ECONNREFUSED' || /ECONNREFUSED/.test(message))
    return deliveryError('DELIVERY_REFUSED', host, `Connection refused`, ctx);
  if (TLS_CODES.test(text) || /certificate|self[- ]signed|TLS|SSL/i.test(message))
    return deliveryError('DELIVERY_TLS', host, `TLS handshake failed: ${message}`, {
      ...ctx,
      transient: false,
    });
  if (e?.level === 'client-authentication' || text === 'ERR_BAD_AUTH' || /authentication/i.test(message))
    return deliveryError('DELIVERY_AUTH', host, 'Login refused', ctx);
  if (text === 'EACCES' || /permission denied/i.test(message))
    return deliveryError('DELIVERY_PERMISSION', host, `${doing}: ${message}`, ctx);
  if (/no space|disk full|quota/i.test(message))
    return deliveryError('DELIVERY_DISK_FULL', host, `${doing}: ${message}`, ctx);
  if (NETWORK_CODES.has(text) || NETWORK_MESSAGES.test(message) || e?.level === 'client-socket')
    return deliveryError('DELIVERY_NETWORK', host, `${doing}: ${message}`, ctx);
  return deliveryError('DELIVERY_PROTOCOL', host, `${doing}: ${message}`, { ...ctx, transient: false });
}

/** Runs one remote operation; whatever it throws comes out as a classified DeliveryError. */
export async function classified<T>(host: string, doing: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (error) {
    throw classifyDeliveryError(error, host, doing);
  }
}
