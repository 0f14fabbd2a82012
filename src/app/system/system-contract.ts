import { z } from 'zod';
import type { Viewer } from '../jobs/job-queries.js';
import type { ReadinessReport } from './readiness.js';
import { type DiskSpace, diskSpace } from './system-status.js';

/** `GET /api/health`: the process answers (liveness, no database round trip). */
export const HealthSchema = z.object({ status: z.literal('ok'), version: z.string() }).meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;

/** `GET /api/ready` when it answers 200; the 503 carries NOT_READY with the report as details. */
export const ReadySchema = z
  .object({
    ready: z.literal(true),
    database: z.object({ dialect: z.string(), pendingMigrations: z.array(z.string()) }),
  })
  .meta({ id: 'Ready' });
export type Ready = z.infer<typeof ReadySchema>;

export const QueueKindSchema = z.enum(['in-process', 'redis']);

export const SystemStatusSchema = z
  .object({
    version: z.string(),
    database: z.string(),
    queue: QueueKindSchema,
    disk: z.object({
      /** Empty for operators: they see the numbers, not where the server keeps its files. */
      path: z.string(),
      totalBytes: z.number(),
      freeBytes: z.number(),
    }),
  })
  .meta({ id: 'SystemStatus' });
export type SystemStatus = z.infer<typeof SystemStatusSchema>;

export interface SystemFacts {
  readonly version: string;
  readonly dialect: string;
  readonly queue: z.infer<typeof QueueKindSchema>;
  readonly dataDir: string;
  /** Injectable for tests; statfs of the data directory by default. */
  readonly disk?: (path: string) => Promise<DiskSpace>;
}

/** The dashboard's numbers. Any signed-in user may read them; only admins see the data path. */
export async function systemStatus(facts: SystemFacts, viewer: Viewer): Promise<SystemStatus> {
  const disk = await (facts.disk ?? diskSpace)(facts.dataDir);
  return {
    version: facts.version,
    database: facts.dialect,
    queue: facts.queue,
    disk: { ...disk, path: viewer.role === 'admin' ? disk.path : '' },
  };
}

/** Why the instance is not ready, in the words an operator acts on. */
export function notReadyMessage(report: ReadinessReport): string {
  return report.database.reachable ? 'Migrations are pending' : 'The database does not answer';
}
