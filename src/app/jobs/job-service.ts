import { rm, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { Job, Repositories, Role } from '../../db/index.js';
import { createSrr, RelpackError } from '../../engine/index.js';
import type { JobQueue } from '../../queue/index.js';
import type { DestinationService } from '../destinations/destination-service.js';
import { LOG_LEVELS } from '../facts/index.js';
import { checkPackOptions, defaultProfileId } from '../pack/check-pack-options.js';
import { type PackJobRequest, PackJobRequestSchema } from '../pack/pack-request.js';
import { parseInput } from '../parse-input.js';
import { assertNotDupe } from '../releases/release-names.js';
import { confineToRoots } from '../sources/confine-path.js';
import type { SourceRoots } from '../sources/source-roots.js';
import type { UrlPolicy } from '../sources/url-guard.js';
import { releaseParts } from '../srr/index.js';
import type { TemplateService } from '../templates/template-service.js';
import { templateText } from '../templates/template-text.js';
import { type FollowOptions, followJob, type JobStreamEvent } from './follow-job.js';
import type { PackJobConfig } from './job-config.js';
import {
  type ArtifactView,
  type JobView,
  type LogFilter,
  type LogLineView,
  toArtifactView,
  toJobView,
} from './job-contract.js';
import type { JobEvents } from './job-events.js';
import { JobQueries, type Viewer } from './job-queries.js';
import { assertTransition, JobErrorCode } from './job-state.js';
import { jobOutputDir } from './run-pack-job.js';
import type { UploadJobConfig } from './upload-job-config.js';
import { isThisHost } from './worker-name.js';

export interface JobServiceDeps {
  readonly repos: Repositories;
  readonly events: JobEvents;
  readonly clock: () => Date;
  readonly outputRoot: string;
  readonly sourceRoots: SourceRoots;
  readonly downloadsDir: string;
  readonly urlPolicy: UrlPolicy;
  readonly destinations: DestinationService;
  readonly templates: TemplateService;
  readonly queue: JobQueue;
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
  constructor(private readonly deps: JobServiceDeps) {
    super(deps.repos.jobs);
  }

  private get q(): JobQueue {
    return this.deps.queue;
  }

  /**
   * A pack job: the request is checked whole before anything is stored (shape, the profile's
   * allowed sizes and formats, the source's place, the templates), so a job that is accepted
   * can run; templates named by id or name are stored as their text.
   */
  async create(requester: Requester, raw: PackJobRequest): Promise<JobView> {
    const given = parseInput(PackJobRequestSchema, raw, 'job request');
    checkPackOptions(given);
    if (given.sourceUrl) this.deps.urlPolicy.assertAllowed(given.sourceUrl);
    const { nfoTemplate, dizTemplate, ...rest } = given;
    const editor = { userId: requester.userId ?? '', role: requester.role };
    const config: PackJobConfig = {
      ...rest,
      ...(given.source
        ? {
            source: requester.trustedPaths
              ? given.source
              : await confineToRoots(given.source, this.deps.sourceRoots.for(requester)),
          }
        : {}),
      ...(nfoTemplate
        ? { nfoTemplate: await templateText(this.deps.templates, editor, nfoTemplate, 'nfo') }
        : {}),
      ...(dizTemplate
        ? { dizTemplate: await templateText(this.deps.templates, editor, dizTemplate, 'diz') }
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
    if (config.allowDupe && requester.role !== 'admin') {
      throw new RelpackError('FORBIDDEN', 'Only an admin can allow a dupe', { name: config.name ?? null });
    }
    // A name given up front is checked now; a built one when the job has planned it.
    if (config.name) await assertNotDupe(this.deps.repos, config.name, config.allowDupe === true);
    const now = this.deps.clock();
    const job = await this.deps.repos.jobs.insert({
      type: config.type,
      profile: config.profile ?? defaultProfileId(config.type),
      ownerId: requester.userId,
      title: config.name ?? (config.source ?? config.sourceUrl ?? '').split('/').pop() ?? null,
      config,
      now,
    });
    if (config.allowDupe) {
      await this.deps.repos.audit.record(
        {
          action: 'job.allow_dupe',
          userId: requester.userId,
          target: job.id,
          ip: requester.ip ?? null,
          details: { name: config.name ?? null },
        },
        now,
      );
    }
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
    return toJobView(job);
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
  ): Promise<JobView[]> {
    const pack = await this.find(requester, packJobId);
    if (pack.type === 'upload' || pack.status !== 'completed') {
      throw new RelpackError(
        JobErrorCode.JOB_INVALID_STATE,
        `Job ${packJobId} is ${pack.type === 'upload' ? 'an upload' : pack.status}: only a completed pack job can be uploaded`,
        { id: packJobId, status: pack.status, type: pack.type },
      );
    }
    const jobs = await this.enqueueUploads(
      pack,
      await this.resolveDestinations(destinations),
      requester.userId,
    );
    return jobs.map(toJobView);
  }

  /** After a pack completed (its own destinations, or the local CLI's --upload): its owner's upload jobs. */
  async createUploadsAfterPack(packJobId: string, destinations: readonly string[]): Promise<JobView[]> {
    const pack = await this.deps.repos.jobs.findById(packJobId);
    if (!pack) throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${packJobId}`, { id: packJobId });
    const jobs = await this.enqueueUploads(pack, await this.resolveDestinations(destinations), pack.ownerId);
    return jobs.map(toJobView);
  }

  /** A release directory on this machine (the local CLI is trusted with any path). */
  async createUploadFromDir(requester: Requester, releaseDir: string, destination: string): Promise<JobView> {
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
    return toJobView(job);
  }

  private async enqueueUploads(
    pack: Job,
    destinationIds: readonly string[],
    ownerId: string | null,
  ): Promise<Job[]> {
    const release = (pack.result as { releaseName?: string } | null)?.releaseName ?? pack.title ?? pack.id;
    const jobs = await this.insertUploads(pack, destinationIds, ownerId, release);
    for (const job of jobs) await this.q.enqueue(job.id);
    return jobs;
  }

  private async insertUploads(
    pack: Job,
    destinationIds: readonly string[],
    ownerId: string | null,
    release: string,
  ): Promise<Job[]> {
    const jobs: Job[] = [];
    for (const id of destinationIds) {
      const d = await this.deps.destinations.get(id);
      const config: UploadJobConfig = { destination: id, packJobId: pack.id };
      jobs.push(
        await this.deps.repos.jobs.insert({
          type: 'upload',
          profile: null,
          ownerId,
          title: `${release} → ${d.name}`,
          config,
          parentJobId: pack.id,
          now: this.deps.clock(),
        }),
      );
    }
    return jobs;
  }

  /**
   * For a pack that asked for destinations, while it finishes: its upload jobs are recorded before
   * the pack is marked completed (so whoever sees it completed finds them), and queued after.
   */
  async prepareUploads(
    packJobId: string,
    destinations: readonly string[],
    release: string,
  ): Promise<string[]> {
    const pack = await this.deps.repos.jobs.findById(packJobId);
    if (!pack) throw new RelpackError(JobErrorCode.JOB_NOT_FOUND, `No job ${packJobId}`, { id: packJobId });
    const jobs = await this.insertUploads(
      pack,
      await this.resolveDestinations(destinations),
      pack.ownerId,
      release,
    );
    return jobs.map((j) => j.id);
  }

  async startUploads(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.q.enqueue(id);
  }

  /** The pack did not complete after all: its prepared uploads go with it. */
  async discardUploads(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.deps.repos.jobs.delete(id);
  }

  async cancel(viewer: Viewer, ref: string): Promise<JobView> {
    return toJobView(await this.cancelJob(viewer, ref));
  }

  private async cancelJob(viewer: Viewer, ref: string): Promise<Job> {
    const job = await this.find(viewer, ref);
    const { id } = job;
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

  async retry(viewer: Viewer, ref: string): Promise<JobView> {
    const job = await this.find(viewer, ref);
    const { id } = job;
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
    return toJobView((await this.deps.repos.jobs.findById(id))!);
  }

  /** Removes the job, its logs, artifacts and files; a running job must be cancelled first. */
  async delete(viewer: Viewer, ref: string): Promise<void> {
    const job = await this.find(viewer, ref);
    const { id } = job;
    if (job.status === 'running') {
      throw new RelpackError(JobErrorCode.JOB_INVALID_STATE, 'Cancel the running job before deleting it', {
        id,
        status: job.status,
      });
    }
    if (job.status === 'pending') await this.q.remove(id);
    await this.removeOutput(id);
    await rm(join(this.deps.downloadsDir, id), { recursive: true, force: true });
    // A release deleted before it went anywhere was never out: its name may be packed again. One
    // that an upload delivered stays on the dupe list, as it does on the site.
    const children = await this.deps.repos.jobs.children(id);
    const delivered = children.some((c) => c.type === 'upload' && c.status === 'completed');
    if (!delivered) await this.deps.repos.releaseNames.releaseJob(id);
    await this.deps.repos.jobs.delete(id);
  }

  /** A job's events until it ends (see followJob): for the event stream, the CLI and the web. */
  async *follow(
    viewer: Viewer,
    ref: string,
    options: FollowOptions = {},
  ): AsyncGenerator<JobStreamEvent, void> {
    const id = await this.resolve(viewer, ref);
    yield* followJob(
      {
        events: this.deps.events,
        job: async (v, jobId) => toJobView(await this.find(v, jobId)),
        logs: (v, jobId, after, limit) => this.logs(v, jobId, { after, limit }),
      },
      viewer,
      id,
      options,
    );
  }

  /** Log lines in order, paged by the last id the caller has. */
  async logs(viewer: Viewer, ref: string, query: LogFilter): Promise<LogLineView[]> {
    const { id } = await this.find(viewer, ref);
    return this.deps.repos.jobLogs.list(id, {
      limit: query.limit,
      ...(query.after === undefined ? {} : { afterId: query.after }),
      // A level and everything more severe.
      ...(query.level ? { levels: LOG_LEVELS.slice(LOG_LEVELS.indexOf(query.level)) } : {}),
    });
  }

  async artifacts(viewer: Viewer, ref: string): Promise<ArtifactView[]> {
    const { id } = await this.find(viewer, ref);
    return (await this.deps.repos.artifacts.list(id)).map(toArtifactView);
  }

  /**
   * The ReScene .srr of a completed pack job's release, made from its files on disk each time
   * (a few kilobytes of headers; nothing is stored).
   */
  async srr(viewer: Viewer, ref: string, appName: string): Promise<{ fileName: string; bytes: Buffer }> {
    const job = await this.find(viewer, ref);
    const name = (job.result as { releaseName?: string } | null)?.releaseName;
    if (job.type === 'upload' || job.status !== 'completed' || !name) {
      throw new RelpackError(
        JobErrorCode.JOB_INVALID_STATE,
        `Job ${job.id} is ${job.type === 'upload' ? 'an upload' : job.status}: only a completed pack job has an .srr`,
        { id: job.id, status: job.status, type: job.type },
      );
    }
    const dir = join(jobOutputDir(this.deps.outputRoot, job.id), name);
    if (!(await stat(dir).catch(() => null))?.isDirectory()) {
      throw new RelpackError('NOT_A_RELEASE_DIRECTORY', `The release of job ${job.id} is no longer on disk`, {
        id: job.id,
      });
    }
    return { fileName: `${name}.srr`, bytes: await createSrr({ appName, ...(await releaseParts(dir)) }) };
  }

  /** The file behind an artifact, checked to exist and to be the size recorded. */
  async artifactFile(
    viewer: Viewer,
    ref: string,
    artifactId: string,
  ): Promise<{ artifact: ArtifactView; path: string }> {
    const id = await this.resolve(viewer, ref);
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
   * In-process modes at start-up: a job still `running` whose process is gone (its worker is this
   * host and that pid is dead, or it names no worker) is failed as INTERRUPTED and its partial
   * output removed. A server (`requeue`) also queues `pending` jobs again and, being the one
   * in-process runner, fails running jobs of other hosts too (a recreated container has a new
   * host name); a CLI command leaves those, and other live processes' jobs, alone.
   */
  async recover(options: { requeue: boolean }): Promise<{ interrupted: string[]; requeued: string[] }> {
    const { repos, clock } = this.deps;
    const interrupted: string[] = [];
    for (const id of await repos.jobs.idsWithStatus('running')) {
      const job = await repos.jobs.findById(id);
      if (!job || !isOrphaned(job.worker, options.requeue)) continue;
      await this.removeOutput(id);
      // Its name was claimed for a release that was never published.
      await repos.releaseNames.releaseJob(id);
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
    const requeued = options.requeue ? await repos.jobs.idsWithStatus('pending') : [];
    for (const id of requeued) await this.q.enqueue(id);
    return { interrupted, requeued };
  }

  private async removeOutput(id: string): Promise<void> {
    await rm(jobOutputDir(this.deps.outputRoot, id), { recursive: true, force: true });
    await this.deps.repos.artifacts.deleteForJob(id);
  }
}

/** Whether the process a `host:pid` worker names is gone (other hosts count as gone when asked). */
function isOrphaned(worker: string | null, otherHostsToo: boolean): boolean {
  const match = worker ? /^(.*):(\d+)$/.exec(worker) : null;
  if (!match) return true;
  if (!isThisHost(match[1]!)) return otherHostsToo;
  const pid = Number(match[2]);
  // Recovery runs before this process takes any job: its own pid is a previous life's (pid 1 in
  // a restarted container).
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export type { Role };
