import type { Config } from '../config.js';
import {
  connectDatabase,
  type DatabaseHandle,
  migrateToLatest,
  type Repositories,
  repositories,
} from '../db/index.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService } from './auth/auth-service.js';
import { JobQueries } from './jobs/job-queries.js';
import { loadSecrets } from './secrets/load-secrets.js';
import { SecretBox } from './secrets/secret-box.js';
import { checkReadiness, type ReadinessReport } from './system/readiness.js';
import { UserService } from './users/user-service.js';

/** The use-cases the adapters (server, CLI, workers) call, wired to one database. */
export interface AppServices {
  readonly config: Config;
  readonly version: string;
  readonly clock: () => Date;
  readonly dialect: string;
  readonly accessTokens: AccessTokens;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly jobs: JobQueries;
  readonly secretBox: SecretBox;
  readiness(): Promise<ReadinessReport>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
  /** For tests and seeding tools only. */
  readonly repos: Repositories;
}

export async function createServices(
  config: Config,
  options: { version: string; clock?: () => Date; database?: DatabaseHandle } = { version: '0.0.0' },
): Promise<AppServices> {
  const clock = options.clock ?? (() => new Date());
  const secrets = await loadSecrets(config);
  const database = options.database ?? connectDatabase(config.databaseUrl, config.dataDir);
  const repos = repositories(database);
  const accessTokens = new AccessTokens(secrets.jwtSecret, config.accessTokenTtlSeconds, clock);
  return {
    config,
    version: options.version,
    clock,
    dialect: database.dialect,
    accessTokens,
    auth: new AuthService({ ...repos, accessTokens, refreshTtlDays: config.refreshTokenTtlDays, clock }),
    users: new UserService({ ...repos, clock }),
    jobs: new JobQueries(repos.jobs),
    secretBox: new SecretBox(secrets.secretKey),
    readiness: () => checkReadiness(database),
    migrate: () => migrateToLatest(database.db, database.dialect),
    close: () => database.close(),
    repos,
  };
}
