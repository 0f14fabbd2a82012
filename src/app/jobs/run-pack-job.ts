import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type PackProgress, RelpackError } from '../../engine/index.js';
import { type PackReleaseResult, packRelease } from '../pack/pack-release.js';
import { type NameClaim, nameClaim } from '../releases/release-names.js';
import { confineToRoots } from '../sources/confine-path.js';
import { downloadUrl } from '../sources/download-url.js';
import type { SourceRoots } from '../sources/source-roots.js';
import type { UrlPolicy } from '../sources/url-guard.js';
import { PackJobConfigSchema } from './job-config.js';
import { type JobRunDeps, type RunOptions, runClaimedJob } from './run-claimed-job.js';

export type { RunOptions } from './run-claimed-job.js';

export interface JobRunnerDeps extends JobRunDeps {
  readonly version: string;
  /** Parent of every job's output directory (`<releasesDir>/<job id>/`). */
  readonly outputRoot: string;
  readonly downloads: {
    readonly dir: string;
    readonly maxBytes: number;
    readonly timeoutSeconds: number;
    readonly policy: UrlPolicy;
  };
  /** Where the job's owner may take sources from, checked again when the job runs. */
  readonly sourceRoots: SourceRoots;
  /** The upload jobs a pack asked for: recorded before it completes, queued once it has. */
  readonly uploads?: {
    prepare(packJobId: string, destinations: readonly string[], release: string): Promise<string[]>;
    start(ids: readonly string[]): Promise<void>;
    discard(ids: readonly string[]): Promise<void>;
  };
}

export function jobOutputDir(outputRoot: string, jobId: string): string {
  return join(outputRoot, jobId);
}

/**
 * Runs one pack job: downloads the source if it is a URL, packs into `<outputRoot>/<job id>/`,
 * registers the artifacts, then hands over to the upload jobs it asked for. On failure or
 * cancellation the partial output is removed. Returns the final status.
 */
export async function runPackJob(
  deps: JobRunnerDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<string> {
  const { repos, clock } = deps;
  const outputDir = jobOutputDir(deps.outputRoot, jobId);
  let uploads: string[] = [];
  let claim: NameClaim | null = null;
  const status = await runClaimedJob(
    deps,
    jobId,
    options,
    async ({ job, log, signal, progress }) => {
      const config = PackJobConfigSchema.parse(job.config);
      await rm(outputDir, { recursive: true, force: true });
      await mkdir(outputDir, { recursive: true, mode: 0o700 });
      // Checked again now: the file may have been swapped for a link out of the roots since the
      // job was queued, or its owner may have lost access to it.
      let source =
        config.source && job.ownerId
          ? await confineForOwner(deps, job.ownerId, config.source)
          : config.source;
      if (config.sourceUrl) {
        log.info(`downloading ${config.sourceUrl}`);
        const downloaded = await downloadUrl({
          url: config.sourceUrl,
          dir: join(deps.downloads.dir, jobId),
          maxBytes: deps.downloads.maxBytes,
          timeoutSeconds: deps.downloads.timeoutSeconds,
          policy: deps.downloads.policy,
          signal,
          onProgress: (done, total) =>
            progress({ phase: 'download', bytesDone: done, bytesTotal: total ?? 0 }),
          log: (message) => log.info(message),
        });
        log.info(`downloaded ${downloaded.size} bytes${downloaded.resumed ? ' (resumed)' : ''}`, {
          size: downloaded.size,
        });
        source = downloaded.path;
      }
      const { sourceUrl: _url, destinations: _destinations, time, allowDupe, ...rest } = config;
      claim = nameClaim(deps, job, 'pack', { allowDupe: allowDupe === true, warn: (m) => log.warn(m) });
      log.info(`packing ${config.type} from ${source}`, {
        source: source ?? null,
        profile: config.profile ?? null,
      });
      const result = await packRelease(
        { version: deps.version, clock },
        { ...rest, source: source!, outputDir, dryRun: false, ...(time ? { time: new Date(time) } : {}) },
        { signal, onProgress: (p: PackProgress) => progress(p), beforeWrite: claim.beforeWrite },
      );
      const files = result.files.map((f) => ({ ...f, path: `${result.releaseName}/${f.path}` }));
      await repos.artifacts.insertMany(jobId, files, clock());
      for (const f of result.findings) log.warn(`${f.id}: ${f.detail}`, { rule: f.id, severity: f.severity });
      log.info(`completed ${result.releaseName}`, { files: files.length });
      if (config.sourceUrl) await rm(join(deps.downloads.dir, jobId), { recursive: true, force: true });
      if (config.destinations?.length)
        uploads = await prepareUploads(deps, jobId, config.destinations, result.releaseName, log);
      const total = result.volumes.reduce((n, v) => n + v.size, 0);
      return { result: summary(result), progress: { phase: 'done', bytesDone: total, bytesTotal: total } };
    },
    async () => {
      await rm(outputDir, { recursive: true, force: true });
      await claim?.release();
    },
  );
  if (uploads.length > 0) {
    if (status === 'completed') await deps.uploads?.start(uploads);
    else await deps.uploads?.discard(uploads);
  }
  return status;
}

async function confineForOwner(deps: JobRunnerDeps, ownerId: string, source: string): Promise<string> {
  const owner = await deps.repos.users.findById(ownerId);
  if (!owner?.active) {
    throw new RelpackError('FORBIDDEN', 'The owner of this job no longer has an active account', { ownerId });
  }
  return confineToRoots(source, deps.sourceRoots.for({ userId: owner.id, role: owner.role }));
}

/** A pack that cannot hand over to its uploads still completes: the log says why. */
async function prepareUploads(
  deps: JobRunnerDeps,
  jobId: string,
  destinations: readonly string[],
  release: string,
  log: { info(message: string): void; error(message: string): void },
): Promise<string[]> {
  if (!deps.uploads) return [];
  try {
    const ids = await deps.uploads.prepare(jobId, destinations, release);
    log.info(`queued uploads to ${ids.length} destination(s)`);
    return ids;
  } catch (error) {
    log.error(`could not queue the uploads: ${(error as Error).message}`);
    return [];
  }
}

function summary(result: PackReleaseResult) {
  return {
    releaseName: result.releaseName,
    releaseDir: result.releaseDir,
    profile: result.profile,
    volumeSize: result.volumeSize,
    volumeCount: result.volumes.length,
    findings: result.findings,
    notes: result.notes,
    packedAt: result.packedAt,
  };
}
