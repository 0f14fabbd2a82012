import { Redis } from 'ioredis';

/** The Redis the queue tests use (this machine's unless RELPACK_TEST_REDIS_URL says otherwise). */
export const REDIS_URL = process.env.RELPACK_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Removes the keys a test's queue prefix left, so runs share one Redis without seeing each other. */
export async function dropQueueKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
