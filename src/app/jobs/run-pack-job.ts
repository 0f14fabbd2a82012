import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Repositories } from '../../db/index.js';
import { isRelpackError, type PackProgress } from '../../engine/index.js';
import { type PackReleaseResult, packRelease } from '../pack-release.js';
import { downloadUrl } from '../sources/download-url.js';
import { PackJobConfigSchema } from './job-config.js';
import type { JobEvents } from './job-events.js';
import { JobLogger } from './job-logger.js';
import { JobErrorCode } from './job-state.js';

export interface JobRunnerDeps {
  readonly repos: Repositories;
  readonly events: JobEvents;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly version: string;
  /** Parent of every job's output directory (`<releasesDir>/<job id>/`). */
  readonly outputRoot: string;
  /** `host:pid`, recorded on the job. */
  readonly workerName: string;
  readonly downloads: {
    readonly dir: string;
    readonly maxBytes: number;
    readonly timeoutSeconds: number;
    readonly allowPrivate: boolean;
  };
}

export interface RunOptions {
  /** Aborted when the process shuts down. */
  readonly signal?: AbortSignal;
  /** How often a running job checks whether someone asked to cancel it (ms). */
  readonly cancelPollMs?: number;
}

const PROGRESS_WRITE_MS = 500;

export function jobOutputDir(outputRoot: string, jobId: string): string {
  return join(outputRoot, jobId);
}

/**
 * Runs one pack job: claims it (pending → running, in one conditional UPDATE so two workers never
 * both run it), packs into `<outputRoot>/<job id>/`, registers the artifacts and finishes it.
 * Progress is written at most twice a second; logs go to pino and `job_logs`. On failure or
 * cancellation the partial output is removed. Returns the final status.
 */
export async function runPackJob(
  deps: JobRunnerDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<string> {
  const { repos, events, clock } = deps;
  const job = await repos.jobs.findById(jobId);
  if (!job) return 'missing';
  // `running` again means a worker died with it and the queue handed it over: start afresh.
  const claimed = await repos.jobs.transition(jobId, ['pending', 'running'], 'running', clock(), {
    startedAt: clock(),
    finishedAt: null,
    worker: deps.workerName,
    error: null,
    result: null,
    progress: { phase: 'starting', bytesDone: 0, bytesTotal: 0 },
    ...(job.status === 'running' ? { incrementAttempts: true } : {}),
  });
  if (!claimed) return job.status;
  events.emit(jobId, { type: 'status', status: 'running' });
  const log = new JobLogger(deps.logger, jobId, repos.jobLogs, events, clock);
  const outputDir = jobOutputDir(deps.outputRoot, jobId);
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error('shutdown'));
  options.signal?.addEventListener('abort', onShutdown, { once: true });
  let cancelled = false;
  const poll = setInterval(() => {
    repos.jobs
      .isCancelRequested(jobId)
      .then((requested) => {
        if (requested && !controller.signal.aborted) {
          cancelled = true;
          controller.abort(new Error('cancelled'));
        }
      })
      .catch(() => undefined);
  }, options.cancelPollMs ?? 1000);
  let lastWrite = 0;
  let lastPhase = '';
  const onProgress = (p: PackProgress) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_WRITE_MS && p.phase === lastPhase) return;
    lastWrite = now;
    if (p.phase !== lastPhase) log.info(`phase ${p.phase}`, { phase: p.phase });
    lastPhase = p.phase;
    events.emit(jobId, { type: 'progress', progress: p });
    void repos.jobs.update(jobId, clock(), { progress: p }).catch(() => undefined);
  };
  try {
    const config = PackJobConfigSchema.parse(job.config);
    if (await repos.jobs.isCancelRequested(jobId)) {
      cancelled = true;
      throw new Error('cancelled before start');
    }
    await rm(outputDir, { recursive: true, force: true });
    await mkdir(outputDir, { recursive: true });
    let source = config.source;
    if (config.sourceUrl) {
      log.info(`downloading ${config.sourceUrl}`);
      const downloaded = await downloadUrl({
        url: config.sourceUrl,
        dir: join(deps.downloads.dir, jobId),
        maxBytes: deps.downloads.maxBytes,
        timeoutSeconds: deps.downloads.timeoutSeconds,
        allowPrivate: deps.downloads.allowPrivate,
        signal: controller.signal,
        onProgress: (done, total) =>
          onProgress({ phase: 'download', bytesDone: done, bytesTotal: total ?? 0 }),
        log: (message) => log.info(message),
      });
      log.info(`downloaded ${downloaded.size} bytes${downloaded.resumed ? ' (resumed)' : ''}`, {
        size: downloaded.size,
      });
      source = downloaded.path;
    }
    const { sourceUrl: _url, ...rest } = config;
    log.info(`packing ${config.type} from ${source}`, {
      source: source ?? null,
      profile: config.profile ?? null,
    });
    const result = await packRelease(
      { version: deps.version, clock },
      { ...rest, source: source!, outputDir, dryRun: false },
      { signal: controller.signal, onProgress },
    );
    const files = result.files.map((f) => ({ ...f, path: `${result.releaseName}/${f.path}` }));
    await repos.artifacts.insertMany(jobId, files, clock());
    for (const f of result.findings) log.warn(`${f.id}: ${f.detail}`, { rule: f.id, severity: f.severity });
    log.info(`completed ${result.releaseName}`, { files: files.length });
    await log.flush();
    if (config.sourceUrl) await rm(join(deps.downloads.dir, jobId), { recursive: true, force: true });
    const total = result.volumes.reduce((n, v) => n + v.size, 0);
    await repos.jobs.transition(jobId, ['running'], 'completed', clock(), {
      finishedAt: clock(),
      progress: { phase: 'done', bytesDone: total, bytesTotal: total },
      result: summary(result),
    });
    events.emit(jobId, { type: 'status', status: 'completed' });
    return 'completed';
  } catch (error) {
    await rm(outputDir, { recursive: true, force: true }).catch(() => undefined);
    if (cancelled) {
      log.info('cancelled; partial output removed');
      await log.flush();
      await repos.jobs.transition(jobId, ['running'], 'cancelled', clock(), { finishedAt: clock() });
      events.emit(jobId, { type: 'status', status: 'cancelled' });
      return 'cancelled';
    }
    const shutdown = options.signal?.aborted === true;
    const code = shutdown ? JobErrorCode.INTERRUPTED : isRelpackError(error) ? error.code : 'INTERNAL_ERROR';
    const message = shutdown ? 'The process running this job stopped' : (error as Error).message;
    log.error(message, {
      code,
      ...(isRelpackError(error) && error.details ? { details: error.details } : {}),
    });
    await log.flush();
    await repos.jobs.transition(jobId, ['running'], 'failed', clock(), {
      finishedAt: clock(),
      error: { code, message },
      ...(isRelpackError(error) && 'findings' in error.details
        ? { result: { findings: error.details.findings } }
        : {}),
    });
    events.emit(jobId, { type: 'status', status: 'failed' });
    return 'failed';
  } finally {
    clearInterval(poll);
    options.signal?.removeEventListener('abort', onShutdown);
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
  };
}
