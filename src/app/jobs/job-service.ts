import { rm, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Artifact, Job, JobLogLine, LogLevel, Repositories, Role } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import type { JobQueue } from '../../queue/job-queue.js';
import type { DestinationService } from '../destinations/destination-service.js';
import { confineToRoots } from '../sources/confine-path.js';
import type { SourceRoots } from '../sources/source-roots.js';
import type { UrlPolicy } from '../sources/url-guard.js';
import { type PackJobConfig, PackJobConfigSchema } from './job-config.js';
import type { JobEvents } from './job-events.js';
import { JobQueries, type Viewer } from './job-queries.js';
import { assertTransition, JobErrorCode } from './job-state.js';
import { jobOutputDir } from './run-pack-job.js';
import type { UploadJobConfig } from './upload-job-config.js';

export interface JobServiceDeps {
  readonly repos: Repositories;
  readonly events: JobEvents;
  readonly clock: () => Date;
  readonly outputRoot: string;
  readonly sourceRoots: SourceRoots;
  readonly downloadsDir: string;
  readonly urlPolicy: UrlPolicy;
  readonly destinations: DestinationService;
}

export interface Requester {
  /** null for jobs the local CLI records (`relpack pack --job`): they belong to no user. */
  readonly userId: string | null;
  readonly role: Role;
  readonly ip?: string | null;
  /** The CLI is trusted with any local path; API callers are confined to the source roots. */
  readonly trustedPaths?: boolean;
}

/** Creating, cancelling, retrying and deleting jobs, and reading their logs and files. */
export class JobService extends JobQueries {
  private queue: JobQueue | null = null;

  constructor(private readonly deps: JobServiceDeps) {
    super(deps.repos.jobs);
  }

  attachQueue(queue: JobQueue): void {
    this.queue = queue;
  }

  private get q(): JobQueue {
    if (!this.queue) throw new Error('no job queue attached');
    return this.queue;
  }

  async create(requester: Requester, raw: unknown): Promise<Job> {
    const parsed = PackJobConfigSchema.safeParse(raw);
    if (!parsed.success) {
      throw new RelpackError(
        'VALIDATION_FAILED',
        `Invalid job config: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        {
          issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      );
    }
    const given = parsed.data;
    if (given.sourceUrl) this.deps.urlPolicy.assertAllowed(given.sourceUrl);
    const config: PackJobConfig & { destinations?: string[] } = {
      ...given,
      ...(given.source
        ? {
            source: requester.trustedPaths
              ? given.source
              : await confineToRoots(given.source, this.deps.sourceRoots.for(requester)),
          }
        : {}),
    };
    if (config.destinations?.length) {
      // Names become ids now, so a renamed destination does not break the queued pack.
      config.destinations = await this.resolveDestinations(config.destinations);
    }
    if (config.overrides?.length && requester.role !== 'admin') {
      throw new RelpackError('FORBIDDEN', 'Only an admin can override rules', {
        overrides: config.overrides,
      });
    }
    const now = this.deps.clock();
    const job = await this.deps.repos.jobs.insert({
      type: config.type,
      profile: config.profile ?? (config.type === 'ebook' ? 'ebook-2022' : 'tv-720p-2016'),
      ownerId: requester.userId,
      title: config.name ?? (config.source ?? config.sourceUrl ?? '').split('/').pop() ?? null,
      config,
      now,
    });
    if (config.overrides?.length) {
      await this.deps.repos.audit.record(
        {
          action: 'job.override_rules',
          userId: requester.userId,
          target: job.id,
          ip: requester.ip ?? null,
          details: { rules: config.overrides },
        },
        now,
      );
    }
    await this.q.enqueue(job.id);
    return job;
  }

  private async resolveDestinations(names: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const d = await this.deps.destinations.get(name);
      if (!d.enabled) {
        throw new RelpackError('DESTINATION_DISABLED', `Destination "${d.name}" is disabled`, {
          destination: d.name,
        });
      }
      if (!ids.includes(d.id)) ids.push(d.id);
    }
    return ids;
  }

  /** Upload jobs for a finished pack job, one per destination (`POST /api/jobs/:id/upload`). */
  async createUploads(
    requester: Requester & Viewer,
    packJobId: string,
    destinations: readonly string[],
  ): Promise<Job[]> {
    const pack = await this.get(requester, packJobId);
    if (pack.type === 'upload' || pack.status !== 'completed') {
      throw new RelpackError(
        JobErrorCode.JOB_INVALID_STATE,
        `Job ${packJobId} is ${pack.type === 'upload' ? 'an upload' : pack.status}: only a completed pack job can be uploaded`,
        { id: packJobId, status: pack.status, type: pack.type },
      );
    }
    return this.enqueueUploads(pack, await this.resolveDestinations(destinations), requester.userId);
  }

  /** After a pack that chose destinations completed: its owner's upload jobs. */
  async createUploadsAfterPack(pack: Job, destinations: readonly string[]): Promise<Job[]> {
    return this.enqueueUploads(pack, await this.resolveDestinations(destinations), pack.ownerId);
  }

  /** A release directory on this machine (the local CLI is trusted with any path). */
  async createUploadFromDir(requester: Requester, releaseDir: string, destination: string): Promise<Job> {
    if (!requester.trustedPaths) {
      throw new RelpackError('FORBIDDEN', 'Only the local CLI can upload an arbitrary directory', {});
    }
    const [id] = await this.resolveDestinations([destination]);
    const d = await this.deps.destinations.get(id!);
    const config: UploadJobConfig = { destination: id!, releaseDir };
    const job = await this.deps.repos.jobs.insert({
      type: 'upload',
      profile: null,
      ownerId: requester.userId,
      title: `${releaseDir.split('/').filter(Boolean).pop()} → ${d.name}`,
      config,
      now: this.deps.clock(),
    });
    await this.q.enqueue(job.id);
    return job;
  }

  private async enqueueUploads(
    pack: Job,
    destinationIds: readonly string[],
    ownerId: string | null,
  ): Promise<Job[]> {
    const jobs: Job[] = [];
    const release = (pack.result as { releaseName?: string } | null)?.releaseName ?? pack.title ?? pack.id;
    for (const id of destinationIds) {
      const d = await this.deps.destinations.get(id);
      const config: UploadJobConfig = { destination: id, packJobId: pack.id };
      const job = await this.deps.repos.jobs.insert({
        type: 'upload',
        profile: null,
        ownerId,
        title: `${release} → ${d.name}`,
        config,
        parentJobId: pack.id,
        now: this.deps.clock(),
      });
      await this.q.enqueue(job.id);
      jobs.push(job);
    }
    return jobs;
  }

  async cancel(viewer: Viewer, id: string): Promise<Job> {
    const job = await this.get(viewer, id);
    const now = this.deps.clock();
    if (job.status === 'pending') {
      if (await this.deps.repos.jobs.transition(id, ['pending'], 'cancelled', now, { finishedAt: now })) {
        await this.q.remove(id);
        this.deps.events.emit(id, { type: 'status', status: 'cancelled' });
        return (await this.deps.repos.jobs.findById(id))!;
      }
    }
    const current = (await this.deps.repos.jobs.findById(id))!;
    assertTransition(id, current.status, 'cancelled', 'cancel');
    // A running job may be in another process: it polls this flag and stops itself.
    await this.deps.repos.jobs.requestCancel(id, now);
    return (await this.deps.repos.jobs.findById(id))!;
  }

  async retry(viewer: Viewer, id: string): Promise<Job> {
    const job = await this.get(viewer, id);
    assertTransition(id, job.status, 'pending', 'retry');
    await this.removeOutput(id);
    const ok = await this.deps.repos.jobs.transition(
      id,
      ['failed', 'cancelled'],
      'pending',
      this.deps.clock(),
      {
        incrementAttempts: true,
        clearCancel: true,
        error: null,
        result: null,
        progress: null,
        startedAt: null,
        finishedAt: null,
        worker: null,
      },
    );
    if (!ok)
      throw new RelpackError(JobErrorCode.JOB_INVALID_STATE, 'The job changed state meanwhile; reload it', {
        id,
      });
    this.deps.events.emit(id, { type: 'status', status: 'pending' });
    await this.q.enqueue(id);
    return (await this.deps.repos.jobs.findById(id))!;
  }

  /** Removes the job, its logs, artifacts and files; a running job must be cancelled first. */
  async delete(viewer: Viewer, id: string): Promise<void> {
    const job = await this.get(viewer, id);
    if (job.status === 'running') {
      throw new RelpackError(JobErrorCode.JOB_INVALID_STATE, 'Cancel the running job before deleting it', {
        id,
        status: job.status,
      });
    }
    if (job.status === 'pending') await this.q.remove(id);
    await this.removeOutput(id);
    await rm(join(this.deps.downloadsDir, id), { recursive: true, force: true });
    await this.deps.repos.jobs.delete(id);
  }

  async logs(
    viewer: Viewer,
    id: string,
    options: { afterId?: number; minLevel?: LogLevel; limit: number },
  ): Promise<JobLogLine[]> {
    await this.get(viewer, id);
    return this.deps.repos.jobLogs.list(id, options);
  }

  async artifacts(viewer: Viewer, id: string): Promise<Artifact[]> {
    await this.get(viewer, id);
    return this.deps.repos.artifacts.list(id);
  }

  /** The file behind an artifact, checked to exist and to be the size recorded. */
  async artifactFile(
    viewer: Viewer,
    id: string,
    artifactId: string,
  ): Promise<{ artifact: Artifact; path: string }> {
    const artifact = (await this.artifacts(viewer, id)).find((a) => a.id === artifactId);
    if (!artifact)
      throw new RelpackError('NOT_FOUND', `No artifact ${artifactId} in job ${id}`, { id, artifactId });
    const root = jobOutputDir(this.deps.outputRoot, id);
    const path = normalize(join(root, artifact.path));
    if (!path.startsWith(root + sep))
      throw new RelpackError('NOT_FOUND', 'Artifact path escapes the job directory', { id });
    const info = await stat(path).catch(() => null);
    if (!info || info.size !== artifact.size) {
      throw new RelpackError(
        'NOT_FOUND',
        `The file of artifact ${artifact.path} is missing or changed on disk`,
        { id, artifactId },
      );
    }
    return { artifact, path };
  }

  /**
   * In-process mode at start-up: a job still `running` belonged to a process that died, so it is
   * failed as INTERRUPTED and its partial output removed; `pending` jobs are queued again.
   */
  async recover(): Promise<{ interrupted: string[]; requeued: string[] }> {
    const { repos, clock } = this.deps;
    const interrupted: string[] = [];
    for (const id of await repos.jobs.idsWithStatus('running')) {
      await this.removeOutput(id);
      const ok = await repos.jobs.transition(id, ['running'], 'failed', clock(), {
        finishedAt: clock(),
        error: { code: JobErrorCode.INTERRUPTED, message: 'The process running this job stopped; retry it' },
      });
      if (ok) {
        await repos.jobLogs.insertMany(id, [
          {
            level: 'error',
            message: 'interrupted: the process running this job stopped',
            fields: null,
            at: clock(),
          },
        ]);
        interrupted.push(id);
      }
    }
    const requeued = await repos.jobs.idsWithStatus('pending');
    for (const id of requeued) await this.q.enqueue(id);
    return { interrupted, requeued };
  }

  private async removeOutput(id: string): Promise<void> {
    await rm(jobOutputDir(this.deps.outputRoot, id), { recursive: true, force: true });
    await this.deps.repos.artifacts.deleteForJob(id);
  }
}

export type { Role };
