import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job, Repositories } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import type { JobQueue } from '../../queue/index.js';
import { planRepack, previewFix } from '../fix/index.js';
import { parseInput } from '../parse-input.js';
import { assertNotDupe, dupeWarning } from '../releases/release-names.js';
import type { TemplateService } from '../templates/template-service.js';
import { templateText } from '../templates/template-text.js';
import { type JobView, toJobView } from './job-contract.js';
import { JobQueries, type Viewer } from './job-queries.js';
import { JobErrorCode } from './job-state.js';
import {
  type FixJobRequest,
  FixJobRequestSchema,
  fixPreviewOf,
  isReleaseActionConfig,
  type ReleaseActionConfig,
  type ReleaseActionPreview,
  type ReleaseNamePage,
  type ReleaseNameQuery,
  ReleaseNameQuerySchema,
  type RepackJobRequest,
  RepackJobRequestSchema,
  repackPreviewOf,
} from './release-action-contract.js';
import { jobOutputDir } from './run-pack-job.js';

export interface ReleaseActionDeps {
  readonly repos: Repositories;
  readonly queue: JobQueue;
  readonly clock: () => Date;
  readonly outputRoot: string;
  readonly templates: TemplateService;
  readonly version: string;
}

export interface ReleaseOf {
  readonly job: Job;
  readonly releaseName: string;
  readonly dir: string;
}

/**
 * Fixes (NFOFIX, DIRFIX, SAMPLEFIX), REPACKs and PROPERs of a completed pack job's release, each
 * a job linked to the one whose release it fixes, and the history those links make. A preview
 * plans the new release (name, NFO, findings) without a job; creating one checks the same way,
 * so a job that is accepted can run.
 */
export class ReleaseActionService extends JobQueries {
  constructor(private readonly deps: ReleaseActionDeps) {
    super(deps.repos.jobs);
  }

  async previewFix(viewer: Viewer, ref: string, raw: FixJobRequest): Promise<ReleaseActionPreview> {
    return (await this.planFixJob(viewer, ref, raw)).preview;
  }

  async fix(viewer: Viewer, ref: string, raw: FixJobRequest): Promise<JobView> {
    const { preview, config, original } = await this.planFixJob(viewer, ref, raw);
    return this.insert(viewer, original, preview, config);
  }

  async previewRepack(viewer: Viewer, ref: string, raw: RepackJobRequest): Promise<ReleaseActionPreview> {
    return (await this.planRepackJob(viewer, ref, raw)).preview;
  }

  async repack(viewer: Viewer, ref: string, raw: RepackJobRequest): Promise<JobView> {
    const { preview, config, original } = await this.planRepackJob(viewer, ref, raw);
    return this.insert(viewer, original, preview, config);
  }

  /**
   * A release's history: the pack job at its root, then every fix and repack made from it or
   * from one of them, oldest first. Uploads are not releases and are left out; an operator sees
   * the jobs that are theirs.
   */
  async history(
    viewer: Viewer,
    ref: string,
  ): Promise<{
    items: { job: JobView; relation: 'original' | 'fix' | 'repack' | 'proper'; tag: string | null }[];
  }> {
    let root = await this.find(viewer, ref);
    for (let hops = 0; root.parentJobId && hops < 100; hops++) {
      const parent = await this.deps.repos.jobs.findById(root.parentJobId);
      if (!parent) break;
      root = parent;
    }
    const line: Job[] = [root];
    for (let i = 0; i < line.length && line.length < 1000; i++) {
      for (const child of await this.deps.repos.jobs.children(line[i]!.id))
        if (isReleaseActionConfig(child.config)) line.push(child);
    }
    const visible = line.filter((j) => viewer.role === 'admin' || j.ownerId === viewer.userId);
    visible.sort((a, b) => time(a.createdAt) - time(b.createdAt));
    return {
      items: visible.map((job) => {
        const config = isReleaseActionConfig(job.config) ? job.config : null;
        const relation = !config
          ? 'original'
          : config.action === 'fix'
            ? 'fix'
            : config.proper
              ? 'proper'
              : 'repack';
        return { job: toJobView(job), relation, tag: config?.tag ?? null };
      }),
    };
  }

  /**
   * The names relpack has produced, as a site's dupe list: every user sees them all (a dupe is a
   * dupe whoever packed it); who packed one is not shown.
   */
  async releaseNames(_viewer: Viewer, raw: ReleaseNameQuery): Promise<ReleaseNamePage> {
    const query = parseInput(ReleaseNameQuerySchema, raw, 'release name query');
    const page = await this.deps.repos.releaseNames.list({
      ...(query.q ? { search: query.q } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return {
      items: page.items.map(({ userId: _u, ...rest }) => rest),
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** The release a completed pack (or fix, or repack) job wrote, still on disk. */
  async releaseOf(viewer: Viewer, ref: string): Promise<ReleaseOf> {
    return releaseOfJob(this.deps.outputRoot, await this.find(viewer, ref));
  }

  private async planFixJob(viewer: Viewer, ref: string, raw: FixJobRequest) {
    const request = parseInput(FixJobRequestSchema, raw, 'fix request');
    const original = await this.releaseOf(viewer, ref);
    const nfoTemplate = request.nfo
      ? await templateText(this.deps.templates, viewer, request.nfo, 'nfo')
      : undefined;
    const at = request.time ? new Date(request.time) : this.deps.clock();
    const plan = await previewFix(
      { version: this.deps.version, clock: this.deps.clock },
      {
        kind: request.kind,
        releaseDir: original.dir,
        ...(nfoTemplate ? { nfoTemplate } : {}),
        ...(request.name ? { correctName: request.name } : {}),
        ...(original.job.profile ? { profile: original.job.profile } : {}),
        time: at,
      },
    );
    const preview = fixPreviewOf(plan, await this.dupeWarnings(plan.releaseName));
    const config: ReleaseActionConfig = {
      action: 'fix',
      of: original.job.id,
      tag: plan.tag,
      kind: request.kind,
      ...(nfoTemplate ? { nfoTemplate } : {}),
      ...(request.name ? { correctName: request.name } : {}),
      ...(request.allowDupe ? { allowDupe: true } : {}),
      time: at.toISOString(),
    };
    return { preview, config, original };
  }

  private async planRepackJob(viewer: Viewer, ref: string, raw: RepackJobRequest) {
    const request = parseInput(RepackJobRequestSchema, raw, 'repack request');
    const original = await this.releaseOf(viewer, ref);
    const at = request.time ? new Date(request.time) : this.deps.clock();
    const plan = await planRepack(
      { version: this.deps.version, clock: this.deps.clock },
      {
        releaseDir: original.dir,
        ...(request.proper ? { proper: true } : {}),
        ...(request.reason ? { reason: request.reason } : {}),
        ...(request.group ? { group: request.group } : {}),
        ...(original.job.profile ? { profile: original.job.profile } : {}),
        ...(original.job.finishedAt ? { preTime: new Date(original.job.finishedAt) } : {}),
        time: at,
      },
    );
    const preview = repackPreviewOf(plan, await this.dupeWarnings(plan.releaseName));
    const config: ReleaseActionConfig = {
      action: 'repack',
      of: original.job.id,
      tag: plan.tag,
      proper: request.proper === true,
      ...(request.reason ? { reason: request.reason } : {}),
      ...(request.group ? { group: request.group } : {}),
      ...(request.allowDupe ? { allowDupe: true } : {}),
      time: at.toISOString(),
    };
    return { preview, config, original };
  }

  private async dupeWarnings(name: string): Promise<string[]> {
    const warning = await dupeWarning(this.deps.repos, name);
    return warning ? [warning] : [];
  }

  private async insert(
    viewer: Viewer & { ip?: string | null },
    original: ReleaseOf,
    preview: ReleaseActionPreview,
    config: ReleaseActionConfig,
  ): Promise<JobView> {
    const allowDupe = config.allowDupe === true;
    if (allowDupe && viewer.role !== 'admin') {
      throw new RelpackError('FORBIDDEN', 'Only an admin can allow a dupe', { name: preview.releaseName });
    }
    await assertNotDupe(this.deps.repos, preview.releaseName, allowDupe);
    const job = await this.deps.repos.jobs.insert({
      type: original.job.type,
      profile: preview.profile,
      ownerId: viewer.userId,
      parentJobId: original.job.id,
      // The name it will have, from the start (not the original's).
      title: preview.releaseName,
      config,
      now: this.deps.clock(),
    });
    if (allowDupe) {
      await this.deps.repos.audit.record(
        {
          action: 'job.allow_dupe',
          userId: viewer.userId,
          target: job.id,
          ip: viewer.ip ?? null,
          details: { name: preview.releaseName },
        },
        this.deps.clock(),
      );
    }
    await this.deps.queue.enqueue(job.id);
    return toJobView(job);
  }
}

/** The release a completed job wrote (`<outputRoot>/<job id>/<release name>`), checked to be there. */
export async function releaseOfJob(outputRoot: string, job: Job): Promise<ReleaseOf> {
  const releaseName = (job.result as { releaseName?: string } | null)?.releaseName;
  if (job.type === 'upload' || job.status !== 'completed' || !releaseName) {
    throw new RelpackError(
      JobErrorCode.JOB_INVALID_STATE,
      `Job ${job.id} is ${job.type === 'upload' ? 'an upload' : job.status}: only a completed pack job's release can be fixed or repacked`,
      { id: job.id, status: job.status, type: job.type },
    );
  }
  const dir = join(jobOutputDir(outputRoot, job.id), releaseName);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new RelpackError('NOT_A_RELEASE_DIRECTORY', `The release of job ${job.id} is no longer on disk`, {
      id: job.id,
    });
  }
  return { job, releaseName, dir };
}

function time(value: Date | string): number {
  return new Date(value).getTime();
}
