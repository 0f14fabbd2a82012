import { RelpackError } from '../../engine/index.js';

/**
 * Failed-login limit per username (the per-IP limit is @fastify/rate-limit's): a fixed window
 * counter in memory, reset by a successful login. Per process; a shared store comes with Redis.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): void {
    const now = this.now();
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
    const entry = this.hits.get(key);
    const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + this.windowMs };
    current.count++;
    this.hits.set(key, current);
    if (current.count > this.max) {
      const retryAfterSeconds = Math.ceil((current.resetAt - now) / 1000);
      throw new RelpackError(
        'RATE_LIMITED',
        `Too many login attempts for this user; retry in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
  }

  reset(key: string): void {
    this.hits.delete(key);
  }
}
