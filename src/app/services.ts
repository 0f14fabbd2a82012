import { hostname } from 'node:os';
import { type Logger, pino } from 'pino';
import type { Config } from '../config.js';
import {
  connectDatabase,
  type DatabaseHandle,
  migrateToLatest,
  type Repositories,
  repositories,
} from '../db/index.js';
import { ApiConfigService } from './api-configs/api-config-service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService } from './auth/auth-service.js';
import { SessionState } from './auth/session-state.js';
import { DestinationService } from './destinations/destination-service.js';
import { JobEvents } from './jobs/job-events.js';
import { JobService } from './jobs/job-service.js';
import { runPackJob } from './jobs/run-pack-job.js';
import { runUploadJob } from './jobs/run-upload-job.js';
import { MetadataLookup } from './metadata/metadata-lookup.js';
import { PreferenceService } from './preferences/preference-service.js';
import { loadSecrets } from './secrets/load-secrets.js';
import { SecretBox } from './secrets/secret-box.js';
import { SourceRoots } from './sources/source-roots.js';
import { type SweepResult, sweepStorage } from './sources/sweep-storage.js';
import { UrlPolicy } from './sources/url-guard.js';
import { renderMetrics } from './system/metrics.js';
import { checkReadiness, type ReadinessReport } from './system/readiness.js';
import { TemplateService } from './templates/template-service.js';
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
  /** Removes uploads and partial downloads past their retention (run at start and hourly). */
  sweepStorage(): Promise<SweepResult>;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly jobs: JobService;
  readonly events: JobEvents;
  readonly preferences: PreferenceService;
  readonly templates: TemplateService;
  readonly wizard: WizardService;
  readonly apiConfigs: ApiConfigService;
  readonly metadata: MetadataLookup;
  readonly destinations: DestinationService;
  readonly logger: Logger;
  /** Runs one job in this process (what a queue calls). */
  runJob(jobId: string, signal: AbortSignal): Promise<string>;
  readonly secretBox: SecretBox;
  readiness(): Promise<ReadinessReport>;
  /** Prometheus text for `/metrics`. */
  metrics(): Promise<string>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** For tests and seeding tools only. */
  readonly repos: Repositories;
}

export async function createServices(
  config: Config,
  options: {
    version: string;
    clock?: () => Date;
    database?: DatabaseHandle;
    logger?: Logger;
    cancelPollMs?: number;
    /** First retry wait of upload jobs (tests shorten it). */
    uploadBackoffMs?: number;
  } = {
    version: '0.0.0',
  },
): Promise<AppServices> {
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
  const jobs = new JobService({
    destinations,
    repos,
    events,
    clock,
    outputRoot: config.releasesDir,
    sourceRoots,
    downloadsDir: config.downloadsDir,
    urlPolicy,
  });
  const preferences = new PreferenceService(repos.preferences, clock);
  const templates = new TemplateService(repos.templates, clock);
  const apiConfigs = new ApiConfigService(repos.apiConfigs, repos.audit, secretBox, clock);
  const metadata = new MetadataLookup(apiConfigs, repos.providerCache, clock);
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
  return {
    config,
    version: options.version,
    clock,
    dialect: database.dialect,
    changeToken: () => database.changeToken(),
    accessTokens,
    sourceRoots,
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
    users: new UserService({ ...repos, clock }),
    jobs,
    events,
    preferences,
    templates,
    wizard,
    logger,
    runJob: async (jobId, signal) => {
      const base = { repos, events, logger, clock, workerName: `${hostname()}:${process.pid}` };
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
      return runPackJob(
        {
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
          onPackCompleted: async (pack, packConfig) => {
            await jobs.createUploadsAfterPack(pack, packConfig.destinations ?? []);
          },
        },
        jobId,
        runOptions,
      );
    },
    destinations,
    secretBox,
    apiConfigs,
    metadata,
    readiness: () => checkReadiness(database),
    metrics: () => renderMetrics(repos, { version: options.version, startedAt }),
    migrate: () => migrateToLatest(database.db, database.dialect),
    close: () => database.close(),
    repos,
  };
}
