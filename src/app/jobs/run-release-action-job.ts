import { mkdir, rm, stat } from 'node:fs/promises';
import { type PackProgress, RelpackError } from '../../engine/index.js';
import { fixRelease, repackRelease } from '../fix/index.js';
import { type NameClaim, nameClaim } from '../releases/release-names.js';
import { confineToRoots } from '../sources/confine-path.js';
import { PackJobConfigSchema } from './job-config.js';
import { ReleaseActionConfigSchema } from './release-action-contract.js';
import { releaseOfJob } from './release-actions.js';
import { type RunOptions, runClaimedJob } from './run-claimed-job.js';
import { type JobRunnerDeps, jobOutputDir } from './run-pack-job.js';

/**
 * Runs a fix or repack job: the release of the job it names, fixed or packed again into this
 * job's own folder (`<outputRoot>/<job id>/`), its files registered as artifacts. A repack packs
 * from the original job's recorded source when it is still there (and still the owner's to
 * read), else (TV) from the episode in the release's own RAR set. Returns the final status.
 */
export async function runReleaseActionJob(
  deps: JobRunnerDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<string> {
  const { repos, clock } = deps;
  const outputDir = jobOutputDir(deps.outputRoot, jobId);
  let claim: NameClaim | null = null;
  return runClaimedJob(
    deps,
    jobId,
    options,
    async ({ job, log, signal, progress }) => {
      const config = ReleaseActionConfigSchema.parse(job.config);
      const parent = await repos.jobs.findById(config.of);
      if (!parent) {
        throw new RelpackError(
          'NOT_A_RELEASE_DIRECTORY',
          `Job ${config.of}, whose release this fixes, is gone`,
          {
            id: config.of,
          },
        );
      }
      const original = await releaseOfJob(deps.outputRoot, parent);
      await rm(outputDir, { recursive: true, force: true });
      await mkdir(outputDir, { recursive: true, mode: 0o700 });
      const context = { version: deps.version, clock };
      const kind = config.action === 'fix' ? 'fix' : config.proper ? 'proper' : 'repack';
      claim = nameClaim(deps, job, kind, { allowDupe: config.allowDupe === true, warn: (m) => log.warn(m) });
      const hooks = { signal, onProgress: (p: PackProgress) => progress(p), beforeWrite: claim.beforeWrite };
      const time = new Date(config.time);
      const profile = parent.profile ? { profile: parent.profile } : {};
      log.info(`${config.tag} of ${original.releaseName}`, { of: parent.id });
      if (config.action === 'fix') {
        const result = await fixRelease(
          context,
          {
            kind: config.kind,
            releaseDir: original.dir,
            ...(config.nfoTemplate ? { nfoTemplate: config.nfoTemplate } : {}),
            ...(config.correctName ? { correctName: config.correctName } : {}),
            outputDir,
            time,
            ...profile,
          },
          hooks,
        );
        const files = result.files.map((f) => ({ ...f, path: `${result.releaseName}/${f.path}` }));
        await repos.artifacts.insertMany(jobId, files, clock());
        log.info(`completed ${result.releaseName}`, { files: files.length });
        const bytes = files.reduce((n, f) => n + f.size, 0);
        return {
          result: {
            releaseName: result.releaseName,
            releaseDir: result.releaseDir,
            profile: result.profile,
            fixes: result.fixes,
            findings: result.findings,
            packedAt: time.toISOString(),
          },
          progress: { phase: 'done', bytesDone: bytes, bytesTotal: bytes },
        };
      }
      const source = await recordedSource(deps, parent);
      if (source) log.info(`packing again from ${source}`);
      else log.info('packing again from the episode in the release');
      const volumeSize = (parent.result as { volumeSize?: number } | null)?.volumeSize;
      const result = await repackRelease(
        context,
        {
          releaseDir: original.dir,
          proper: config.proper,
          ...(config.reason ? { reason: config.reason } : {}),
          ...(config.group ? { group: config.group } : {}),
          ...(source ? { source } : {}),
          ...(volumeSize ? { volumeSize } : {}),
          ...(parent.finishedAt ? { preTime: new Date(parent.finishedAt) } : {}),
          outputDir,
          time,
          ...profile,
        },
        hooks,
      );
      for (const warning of result.warnings) log.warn(warning);
      const files = result.files.map((f) => ({ ...f, path: `${result.releaseName}/${f.path}` }));
      await repos.artifacts.insertMany(jobId, files, clock());
      log.info(`completed ${result.releaseName}`, { files: files.length });
      const total = result.volumes.reduce((n, v) => n + v.size, 0);
      return {
        result: {
          releaseName: result.releaseName,
          releaseDir: result.releaseDir,
          profile: result.profile,
          replaces: result.replaces,
          volumeSize: result.volumeSize,
          volumeCount: result.volumes.length,
          findings: result.findings,
          notes: [...result.warnings, ...result.notes],
          packedAt: result.packedAt,
        },
        progress: { phase: 'done', bytesDone: total, bytesTotal: total },
      };
    },
    async () => {
      await rm(outputDir, { recursive: true, force: true });
      await claim?.release();
    },
  );
}

/** The original pack job's source file, when it is still there and its owner may still read it. */
async function recordedSource(deps: JobRunnerDeps, parent: { config: unknown; ownerId: string | null }) {
  const config = PackJobConfigSchema.safeParse(parent.config);
  const source = config.success ? config.data.source : undefined;
  if (!source || !(await stat(source).catch(() => null))?.isFile()) return undefined;
  if (!parent.ownerId) return source;
  const owner = await deps.repos.users.findById(parent.ownerId);
  if (!owner?.active) return undefined;
  return confineToRoots(source, deps.sourceRoots.for({ userId: owner.id, role: owner.role })).catch(
    () => undefined,
  );
}
