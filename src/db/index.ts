export { connectDatabase, type DatabaseHandle, dialectOf } from './connect.js';
export type { DialectValues, SqlDialect } from './dialect.js';
export { MigrationError, migrateToLatest, pendingMigrations } from './migrate.js';
export { type ApiConfigRow, ApiConfigsRepository } from './repositories/api-configs-repository.js';
export { type Artifact, ArtifactsRepository } from './repositories/artifacts-repository.js';
export { type AuditEntry, AuditRepository } from './repositories/audit-repository.js';
export {
  type DestinationRow,
  DestinationsRepository,
  type DestinationWrite,
} from './repositories/destinations-repository.js';
export {
  type JobLogLine,
  JobLogsRepository,
  type LogLevel,
} from './repositories/job-logs-repository.js';
export {
  type Job,
  type JobListQuery,
  type JobPatch,
  type JobStatus,
  JobsRepository,
  type JobType,
} from './repositories/jobs-repository.js';
export { PreferencesRepository } from './repositories/preferences-repository.js';
export { ProviderCacheRepository } from './repositories/provider-cache-repository.js';
export { type RefreshTokenRow, RefreshTokensRepository } from './repositories/refresh-tokens-repository.js';
export {
  type ReleaseKind,
  type ReleaseName,
  ReleaseNamesRepository,
} from './repositories/release-names-repository.js';
export {
  type StoredTemplate,
  type TemplateInput,
  TemplatesRepository,
} from './repositories/templates-repository.js';
export {
  type Role,
  strip,
  type User,
  UsersRepository,
  type UserWithHash,
} from './repositories/users-repository.js';
export type { Database } from './schema.js';

import type { DatabaseHandle } from './connect.js';
import { ApiConfigsRepository } from './repositories/api-configs-repository.js';
import { ArtifactsRepository } from './repositories/artifacts-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { DestinationsRepository } from './repositories/destinations-repository.js';
import { JobLogsRepository } from './repositories/job-logs-repository.js';
import { JobsRepository } from './repositories/jobs-repository.js';
import { PreferencesRepository } from './repositories/preferences-repository.js';
import { ProviderCacheRepository } from './repositories/provider-cache-repository.js';
import { RefreshTokensRepository } from './repositories/refresh-tokens-repository.js';
import { ReleaseNamesRepository } from './repositories/release-names-repository.js';
import { TemplatesRepository } from './repositories/templates-repository.js';
import { UsersRepository } from './repositories/users-repository.js';

export interface Repositories {
  readonly users: UsersRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly jobs: JobsRepository;
  readonly jobLogs: JobLogsRepository;
  readonly artifacts: ArtifactsRepository;
  readonly audit: AuditRepository;
  readonly preferences: PreferencesRepository;
  readonly templates: TemplatesRepository;
  readonly apiConfigs: ApiConfigsRepository;
  readonly providerCache: ProviderCacheRepository;
  readonly destinations: DestinationsRepository;
  readonly releaseNames: ReleaseNamesRepository;
}

export function repositories(handle: DatabaseHandle): Repositories {
  return {
    users: new UsersRepository(handle.db, handle.values),
    refreshTokens: new RefreshTokensRepository(handle.db, handle.values),
    jobs: new JobsRepository(handle.db, handle.values),
    jobLogs: new JobLogsRepository(handle.db, handle.values),
    artifacts: new ArtifactsRepository(handle.db, handle.values),
    audit: new AuditRepository(handle.db, handle.values),
    preferences: new PreferencesRepository(handle.db, handle.values),
    templates: new TemplatesRepository(handle.db, handle.values),
    apiConfigs: new ApiConfigsRepository(handle.db, handle.values),
    providerCache: new ProviderCacheRepository(handle.db, handle.values),
    destinations: new DestinationsRepository(handle.db, handle.values),
    releaseNames: new ReleaseNamesRepository(handle.db, handle.values),
  };
}
