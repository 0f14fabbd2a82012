import { type Logger, pino } from 'pino';
import type { Config } from '../config.js';
import { connectDatabase, type DatabaseHandle, migrateToLatest, repositories } from '../db/index.js';
import type { JobQueue, JobRunner } from '../queue/index.js';
import { ApiConfigService } from './api-configs/api-config-service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService } from './auth/auth-service.js';
import { SessionState } from './auth/session-state.js';
import { DestinationService } from './destinations/destination-service.js';
import { JobEvents } from './jobs/job-events.js';
import type { Viewer } from './jobs/job-queries.js';
import { JobService } from './jobs/job-service.js';
import { isReleaseActionConfig } from './jobs/release-action-contract.js';
import { ReleaseActionService } from './jobs/release-actions.js';
import { runPackJob } from './jobs/run-pack-job.js';
import { runReleaseActionJob } from './jobs/run-release-action-job.js';
import { runUploadJob } from './jobs/run-upload-job.js';
import { workerName } from './jobs/worker-name.js';
import { MetadataLookup } from './metadata/metadata-lookup.js';
import { PreferenceService } from './preferences/preference-service.js';
import { loadSecrets } from './secrets/load-secrets.js';
import { type RotationReport, rotateSecrets } from './secrets/rotate-secrets.js';
import { SecretBox } from './secrets/secret-box.js';
import { SourceRoots } from './sources/source-roots.js';
import { SourceUploads } from './sources/store-upload.js';
import { type SweepResult, sweepStorage } from './sources/sweep-storage.js';
import { UrlPolicy } from './sources/url-guard.js';
import { AuditLog } from './system/audit-log.js';
import { renderMetrics } from './system/metrics.js';
import { checkReadiness, type ReadinessReport } from './system/readiness.js';
import { type SystemStatus, systemStatus } from './system/system-contract.js';
import { TemplateService } from './templates/template-service.js';
import { type BootstrapResult, bootstrapAdmin } from './users/bootstrap-admin.js';
import { UserService } from './users/user-service.js';
import { WizardService } from './wizard/wizard-service.js';

/** The use-cases the adapters (server, CLI, workers) call, wired to one database. */
export interface AppServices {
  readonly config: Config;
  readonly version: string;
  readonly clock: () => Date;
  readonly dialect: string;
  /** Changes whenever the data may have; null when the database cannot say (then never cache). */
  readonly changeToken: () => string | null;
  readonly accessTokens: AccessTokens;
  /** What a verified token's user may do now (the database's word, not the token's). */
  readonly sessions: SessionState;
  /** Where each user may take sources from (shared roots, their own uploads). */
  readonly sourceRoots: SourceRoots;
  /** Source files users upload (`POST /api/sources/upload`), within their quota. */
  readonly uploads: SourceUploads;
  /** Removes uploads and partial downloads past their retention (run at start and hourly). */
  sweepStorage(): Promise<SweepResult>;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly jobs: JobService;
  /** Fixes, repacks and propers of a completed job's release, and a release's history. */
  readonly releaseActions: ReleaseActionService;
  readonly events: JobEvents;
  readonly preferences: PreferenceService;
  readonly templates: TemplateService;
  readonly wizard: WizardService;
  readonly apiConfigs: ApiConfigService;
  readonly metadata: MetadataLookup;
  readonly destinations: DestinationService;
  readonly logger: Logger;
  /** Runs one job in this process (what a queue, or a Redis worker, calls). */
  readonly runJob: JobRunner;
  /** Where new jobs go: built by the composition root (openRuntime), given to the services at construction. */
  readonly queue: JobQueue;
  readonly secretBox: SecretBox;
  readiness(): Promise<ReadinessReport>;
  /** The dashboard's numbers (`GET /api/system/status`); the data path for admins only. */
  systemStatus(viewer: Viewer): Promise<SystemStatus>;
  /** Prometheus text for `/metrics`. */
  metrics(): Promise<string>;
  migrate(): Promise<string[]>;
  /** First start with no users: the `admin` account (RELPACK_ADMIN_PASSWORD or a generated password). */
  bootstrapAdmin(): Promise<BootstrapResult>;
  /** Re-seals every stored secret with the current RELPACK_SECRET_KEY. */
  rotateSecrets(): Promise<RotationReport>;
  /** The audit log (admins only). */
  readonly audit: AuditLog;
  close(): Promise<void>;
}

export interface ServicesOptions {
  readonly version: string;
  /** Builds the queue new jobs go to, from the runner of these services. */
  readonly queue: (runJob: JobRunner) => JobQueue;
  readonly clock?: () => Date;
  readonly database?: DatabaseHandle;
  readonly logger?: Logger;
  readonly cancelPollMs?: number;
  /** First retry wait of upload jobs (tests shorten it). */
  readonly uploadBackoffMs?: number;
}

/** The use-cases wired to one database and one queue; adapters get them from openRuntime. */
export async function createServices(config: Config, options: ServicesOptions): Promise<AppServices> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = Date.now();
  const logger = options.logger ?? pino({ level: config.logLevel });
  const events = new JobEvents();
  const secrets = await loadSecrets(config);
  const database = options.database ?? connectDatabase(config.databaseUrl, config.dataDir);
  const repos = repositories(database);
  const accessTokens = new AccessTokens(secrets.jwtSecret, config.accessTokenTtlSeconds, clock);
  const secretBox = new SecretBox(
    secrets.secretKey,
    config.previousSecretKeys.map((k) => Buffer.from(k, 'base64')),
  );
  const destinations = new DestinationService(repos.destinations, repos.audit, secretBox, clock);
  const sourceRoots = new SourceRoots(config.sourceRoots, config.uploadsDir);
  const urlPolicy = new UrlPolicy({
    allowPrivate: config.allowPrivateUrls,
    allowedNetworks: config.urlAllowedNetworks,
  });
  const templates = new TemplateService(repos.templates, clock);
  const users = new UserService({ ...repos, clock });
  // The runner needs the job service (a finished pack queues its uploads) and the job service
  // needs the queue: the runner is bound late, and only ever called once both exist.
  const runJob: JobRunner = (jobId, signal) => runOne(jobId, signal);
  const queue = options.queue(runJob);
  const jobs = new JobService({
    queue,
    destinations,
    templates,
    repos,
    events,
    clock,
    outputRoot: config.releasesDir,
    sourceRoots,
    downloadsDir: config.downloadsDir,
    urlPolicy,
  });
  const releaseActions = new ReleaseActionService({
    repos,
    queue,
    clock,
    outputRoot: config.releasesDir,
    templates,
    version: options.version,
  });
  const preferences = new PreferenceService(repos.preferences, clock);
  const apiConfigs = new ApiConfigService(repos.apiConfigs, repos.audit, secretBox, clock);
  const metadata = new MetadataLookup(apiConfigs, repos.providerCache, clock, async (userId, kind) => {
    const key = kind === 'book' ? 'metadata.bookProviders' : 'metadata.videoProviders';
    return (await preferences.resolve(userId, key)).value as string[];
  });
  const wizard = new WizardService({
    context: { version: options.version, clock },
    jobs,
    preferences,
    templates,
    destinations,
    metadata,
    sourceRoots,
    urlPolicy,
  });
  async function runOne(jobId: string, signal: AbortSignal): Promise<string> {
    const base = { repos, events, logger, clock, workerName: workerName() };
    const runOptions = { signal, ...(options.cancelPollMs ? { cancelPollMs: options.cancelPollMs } : {}) };
    const job = await repos.jobs.findById(jobId);
    if (job?.type === 'upload') {
      return runUploadJob(
        {
          ...base,
          outputRoot: config.releasesDir,
          destinations,
          ...(options.uploadBackoffMs === undefined ? {} : { backoffMs: options.uploadBackoffMs }),
        },
        jobId,
        runOptions,
      );
    }
    const runnerDeps = {
      ...base,
      version: options.version,
      outputRoot: config.releasesDir,
      sourceRoots,
      downloads: {
        dir: config.downloadsDir,
        maxBytes: config.downloadLimitBytes,
        timeoutSeconds: config.downloadTimeoutSeconds,
        policy: urlPolicy,
      },
    };
    if (job && isReleaseActionConfig(job.config)) return runReleaseActionJob(runnerDeps, jobId, runOptions);
    return runPackJob(
      {
        ...runnerDeps,
        uploads: {
          prepare: (packJobId, destinations, release) =>
            jobs.prepareUploads(packJobId, destinations, release),
          start: (ids) => jobs.startUploads(ids),
          discard: (ids) => jobs.discardUploads(ids),
        },
      },
      jobId,
      runOptions,
    );
  }

  return {
    config,
    version: options.version,
    clock,
    dialect: database.dialect,
    changeToken: () => database.changeToken(),
    accessTokens,
    sourceRoots,
    uploads: new SourceUploads(sourceRoots, {
      fileBytes: config.uploadLimitBytes,
      quotaBytes: config.uploadQuotaBytes,
    }),
    sweepStorage: () =>
      sweepStorage({
        uploadsDir: config.uploadsDir,
        downloadsDir: config.downloadsDir,
        jobs: repos.jobs,
        clock,
        uploadRetentionDays: config.uploadRetentionDays,
        downloadRetentionDays: config.downloadRetentionDays,
      }),
    sessions: new SessionState({
      users: repos.users,
      refreshTokens: repos.refreshTokens,
      clock,
      changeToken: () => database.changeToken(),
    }),
    auth: new AuthService({ ...repos, accessTokens, refreshTtlDays: config.refreshTokenTtlDays, clock }),
    users,
    jobs,
    releaseActions,
    events,
    preferences,
    templates,
    wizard,
    logger,
    runJob,
    queue,
    destinations,
    secretBox,
    apiConfigs,
    metadata,
    readiness: () => checkReadiness(database),
    systemStatus: (viewer) =>
      systemStatus(
        {
          version: options.version,
          dialect: database.dialect,
          queue: config.redisUrl ? 'redis' : 'in-process',
          dataDir: config.dataDir,
        },
        viewer,
      ),
    metrics: () => renderMetrics(repos, { version: options.version, startedAt }),
    migrate: () => migrateToLatest(database.db, database.dialect),
    bootstrapAdmin: () => bootstrapAdmin(users, config.adminPassword),
    rotateSecrets: () => rotateSecrets(repos, secretBox, clock()),
    audit: new AuditLog(repos.audit),
    close: () => database.close(),
  };
}
