export { InProcessQueue } from './in-process-queue.js';
export type { JobQueue, JobRunner } from './job-queue.js';
export type { RedisQueue, RedisWorker } from './redis-queue.js';

/** The Redis queue and worker (BullMQ), loaded only by processes that have REDIS_URL. */
export const loadRedisQueue = () => import('./redis-queue.js');
