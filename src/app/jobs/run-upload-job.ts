import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { connectRemote, listReleaseFiles, resolveRemoteDir, uploadRelease } from '../../delivery/index.js';
import { RelpackError } from '../../engine/index.js';
import type { DestinationService } from '../destinations/destination-service.js';
import { type JobRunDeps, type RunOptions, runClaimedJob } from './run-claimed-job.js';
import { jobOutputDir } from './run-pack-job.js';
import { UploadJobConfigSchema } from './upload-job-config.js';

export interface UploadRunnerDeps extends JobRunDeps {
  readonly outputRoot: string;
  readonly destinations: DestinationService;
  /** First wait before a retry after a transient failure (doubles each time). */
  readonly backoffMs?: number;
}

/** Where the release to upload is on disk, its name and its kind (for the remote path template). */
async function locateRelease(
  deps: UploadRunnerDeps,
  config: { packJobId?: string | undefined; releaseDir?: string | undefined },
): Promise<{ dir: string; name: string; type: string }> {
  if (config.releaseDir) {
    const files = await listReleaseFiles(config.releaseDir);
    const type = files.some((f) => f.path.toLowerCase().endsWith('.zip')) ? 'ebook' : 'tv';
    return { dir: config.releaseDir, name: basename(config.releaseDir), type };
  }
  const pack = await deps.repos.jobs.findById(config.packJobId!);
  const name = (pack?.result as { releaseName?: string } | null)?.releaseName;
  if (pack?.status !== 'completed' || !name) {
    throw new RelpackError(
      'JOB_INVALID_STATE',
      `Pack job ${config.packJobId} has no finished release to upload`,
      {
        id: config.packJobId,
      },
    );
  }
  const dir = join(jobOutputDir(deps.outputRoot, pack.id), name);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new RelpackError('NOT_A_RELEASE_DIRECTORY', `The release of job ${pack.id} is no longer on disk`, {
      id: pack.id,
    });
  }
  return { dir, name, type: pack.type };
}

/**
 * Runs one upload job: the release's files, in the order sites expect, to the destination's
 * rendered path, resuming whatever an earlier attempt left on the server, verified file by file.
 */
export function runUploadJob(
  deps: UploadRunnerDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<string> {
  return runClaimedJob(deps, jobId, options, async ({ job, log, signal, progress }) => {
    const config = UploadJobConfigSchema.parse(job.config);
    const release = await locateRelease(deps, config);
    const { row, target, settings } = await deps.destinations.connection(config.destination);
    const remoteDir = await resolveRemoteDir(row.basePath, row.pathTemplate, {
      release: release.name,
      type: release.type,
      group: release.name.includes('-') ? release.name.slice(release.name.lastIndexOf('-') + 1) : '',
      date: deps.clock().toISOString().slice(0, 10),
    });
    const files = await listReleaseFiles(release.dir);
    const total = files.reduce((n, f) => n + f.size, 0);
    log.info(
      `uploading ${release.name} (${files.length} files, ${total} bytes) to ${row.name}:${remoteDir}`,
      {
        destination: row.name,
        remoteDir,
      },
    );
    progress({ phase: 'upload', bytesDone: 0, bytesTotal: total, currentFile: null, bytesPerSecond: 0 });
    const result = await uploadRelease({
      connect: () => connectRemote(target),
      localDir: release.dir,
      files,
      remoteDir,
      host: target.host,
      tempRename: settings.tempRename,
      verify: settings.verify,
      concurrency: row.concurrency,
      retries: settings.retries,
      backoffMs: deps.backoffMs ?? 1000,
      signal,
      onProgress: (p) => progress({ phase: 'upload', ...p }),
      onConnected: (identity) => {
        void deps.destinations.noteIdentity({ userId: job.ownerId }, row, identity).then((recorded) => {
          if (recorded)
            log.warn(
              `host key ${identity.hostKeyFingerprint} trusted on first use and recorded for ${row.name}`,
              {
                fingerprint: identity.hostKeyFingerprint,
              },
            );
        });
      },
      log: (message) => log.info(message),
    });
    for (const f of result.files) {
      log.info(
        `${f.path}: ${f.skipped ? 'already there' : f.resumedFrom > 0 ? `resumed at ${f.resumedFrom}` : 'sent'}, verified by ${f.verifiedBy}`,
      );
    }
    log.info(`uploaded ${release.name}: ${result.bytesSent} bytes sent in ${result.attempts} attempt(s)`);
    return {
      result: {
        destination: { id: row.id, name: row.name, protocol: row.protocol, host: row.host },
        releaseName: release.name,
        remoteDir,
        bytesSent: result.bytesSent,
        attempts: result.attempts,
        files: result.files,
      },
      progress: { phase: 'done', bytesDone: total, bytesTotal: total },
    };
  });
}
