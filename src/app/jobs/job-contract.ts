import { z } from 'zod';
import type { Artifact, Job, JobStatus } from '../../db/index.js';
import { JOB_STATUSES, JOB_TYPES, LOG_LEVELS, RELEASE_TYPES, TERMINAL_STATUSES } from '../facts/index.js';

/**
 * The job as every adapter shows it: the REST API (and so the web's generated types), the CLI in
 * both modes, and the event stream. Written once; `toJobView` is the only mapper.
 */
export const JobStatusSchema = z.enum(JOB_STATUSES);
export const JobTypeSchema = z.enum(JOB_TYPES);
export const ReleaseTypeSchema = z.enum(RELEASE_TYPES);

export function isTerminal(status: JobStatus): boolean {
  return (TERMINAL_STATUSES as readonly JobStatus[]).includes(status);
}

const findingFields = {
  id: z.string(),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  detail: z.string(),
  ref: z.string(),
  subject: z.string().optional(),
  code: z
    .string()
    .optional()
    .meta({ description: 'the check that found it, finer than the rule (rar.volume-missing, sfv.crc …)' }),
};

export const FindingSchema = z
  .object({
    ...findingFields,
    effects: z
      .array(z.object(findingFields).meta({ id: 'FollowOnFinding' }))
      .optional()
      .meta({ description: 'what follows from this finding, folded under it (one problem, one finding)' }),
  })
  .meta({ id: 'Finding' });

// Stored progress and results outlive releases of relpack: every field is optional and unknown
// ones pass, so an old row never fails the response schema.
export const JobProgressSchema = z
  .looseObject({
    phase: z
      .string()
      .meta({ description: 'starting, download, archive, disks, text, sample, validate, upload, done' }),
    bytesDone: z.number(),
    bytesTotal: z.number(),
    volumeIndex: z.number().optional(),
    volumeCount: z.number().optional(),
    currentFile: z.string().nullable().optional(),
    bytesPerSecond: z.number().optional(),
  })
  .meta({ id: 'JobProgress' });

export const JobResultSchema = z
  .looseObject({
    releaseName: z.string().optional(),
    releaseDir: z.string().optional().meta({ description: 'pack jobs' }),
    profile: z.string().optional().meta({ description: 'pack jobs' }),
    volumeSize: z.number().optional().meta({ description: 'pack jobs' }),
    volumeCount: z.number().optional().meta({ description: 'pack jobs' }),
    findings: z.array(FindingSchema).optional().meta({ description: 'pack jobs' }),
    notes: z.array(z.string()).optional().meta({ description: 'pack jobs' }),
    destination: z
      .looseObject({ id: z.string(), name: z.string(), protocol: z.string(), host: z.string() })
      .optional()
      .meta({ description: 'upload jobs' }),
    remoteDir: z.string().optional().meta({ description: 'upload jobs' }),
    bytesSent: z.number().optional().meta({ description: 'upload jobs' }),
    attempts: z.number().optional().meta({ description: 'upload jobs' }),
    files: z
      .array(z.looseObject({ path: z.string() }))
      .optional()
      .meta({ description: 'upload jobs' }),
  })
  .meta({ id: 'JobResult' });

export const JobErrorSchema = z.object({ code: z.string(), message: z.string() });

export const JobViewSchema = z
  .object({
    id: z.string(),
    type: JobTypeSchema,
    profile: z.string().nullable(),
    status: JobStatusSchema,
    ownerId: z.string().nullable(),
    parentJobId: z.string().nullable(),
    title: z.string().nullable(),
    progress: JobProgressSchema.nullable(),
    result: JobResultSchema.nullable(),
    error: JobErrorSchema.nullable(),
    attempts: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    cancelRequestedAt: z.string().nullable(),
    worker: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type JobView = z.infer<typeof JobViewSchema>;

export const JobDetailSchema = JobViewSchema.extend({
  config: z.unknown().meta({ description: 'The config the job runs from (a pack or an upload config)' }),
}).meta({ id: 'JobDetail' });
export type JobDetail = z.infer<typeof JobDetailSchema>;

/** A job in a path (`/api/jobs/:id`): its id, or a short id the use-case resolves (JobQueries.resolve). */
export const JobRefParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .describe('the job id, or its first characters (4 or more) when they start only one of your jobs'),
});

export const JobPageSchema = z.object({
  items: z.array(JobViewSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
});
export type JobPage = z.infer<typeof JobPageSchema>;

/** `GET /api/jobs` and `relpack jobs list`: the filters, with the same bounds everywhere. */
export const JobListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : []))
    .pipe(z.array(JobStatusSchema))
    .meta({ description: 'comma-separated statuses' }),
  type: JobTypeSchema.optional(),
  owner: z.uuid().optional(),
  parent: z.uuid().optional().describe('only the upload jobs of this pack job'),
  q: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  order: z.enum(['newest', 'oldest']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type JobListQuery = z.input<typeof JobListQuerySchema>;
export type JobListFilter = z.output<typeof JobListQuerySchema>;

export const LogLineSchema = z
  .object({
    id: z.number(),
    level: z.enum(LOG_LEVELS),
    message: z.string(),
    fields: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: 'LogLine' });
export type LogLineView = z.infer<typeof LogLineSchema>;

export const LogQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional(),
  level: z.enum(LOG_LEVELS).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type LogQuery = z.input<typeof LogQuerySchema>;
export type LogFilter = z.output<typeof LogQuerySchema>;

export const ArtifactSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    path: z.string(),
    size: z.number(),
    crc32: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Artifact' });
export type ArtifactView = z.infer<typeof ArtifactSchema>;

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    type: job.type,
    profile: job.profile,
    status: job.status,
    ownerId: job.ownerId,
    parentJobId: job.parentJobId,
    title: job.title,
    progress: (job.progress ?? null) as JobView['progress'],
    result: (job.result ?? null) as JobView['result'],
    error: job.error,
    attempts: job.attempts,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    cancelRequestedAt: job.cancelRequestedAt,
    worker: job.worker,
  };
}

export function toJobDetail(job: Job): JobDetail {
  return { ...toJobView(job), config: job.config };
}

export function toArtifactView({ jobId: _job, ...artifact }: Artifact): ArtifactView {
  return artifact;
}
