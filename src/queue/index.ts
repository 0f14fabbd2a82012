export { InProcessQueue } from './in-process-queue.js';
export type { JobQueue, JobRunner } from './job-queue.js';
export { RedisQueue, RedisWorker } from './redis-queue.js';
