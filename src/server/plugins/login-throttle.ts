import { RelpackError } from '../../errors/index.js';

export interface LoginThrottleLimits {
  /** Failed logins for one username from one client address in a window. */
  readonly perUser: number;
  /** Failed logins from one client address, whatever the usernames, in a window. */
  readonly perIp: number;
  readonly windowMs: number;
}

const MAX_KEYS = 10_000;

/**
 * Counts failed logins only, keyed by (username, client) and by client: a guesser is stopped
 * from where it guesses, while the owner signing in from their own address is never locked out by
 * someone else's failures (the lockout-as-a-weapon problem of a per-username counter). A success
 * clears its (username, client) counter. Per process: with several instances each keeps its own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws RATE_LIMITED when this username from this client, or this client, failed too often. */
  check(username: string, ip: string): void {
    this.refuseIfOver(pairKey(username, ip), this.limits.perUser, 'for this user from your address');
    this.refuseIfOver(ipKey(ip), this.limits.perIp, 'from your address');
  }

  failed(username: string, ip: string): void {
    this.count(pairKey(username, ip));
    this.count(ipKey(ip));
  }

  succeeded(username: string, ip: string): void {
    this.failures.delete(pairKey(username, ip));
  }

  private count(key: string): void {
    const now = this.now();
    if (this.failures.size > MAX_KEYS) {
      for (const [k, v] of this.failures) if (v.resetAt <= now) this.failures.delete(k);
    }
    const entry = this.failures.get(key);
    const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + this.limits.windowMs };
    current.count++;
    this.failures.set(key, current);
  }

  private refuseIfOver(key: string, max: number, scope: string): void {
    const entry = this.failures.get(key);
    const now = this.now();
    if (!entry || entry.resetAt <= now || entry.count < max) return;
    const retryAfterSeconds = Math.ceil((entry.resetAt - now) / 1000);
    throw new RelpackError(
      'RATE_LIMITED',
      `Too many failed attempts ${scope}; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

const pairKey = (username: string, ip: string) => `u\u0000${username.toLowerCase()}\u0000${ip}`;
const ipKey = (ip: string) => `i\u0000${ip}`;
