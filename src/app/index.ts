export type { Role, User } from '../db/index.js';
export { AccessTokens } from './auth/access-tokens.js';
export { AuthError, AuthErrorCode } from './auth/auth-errors.js';
export { AuthService, type ClientInfo, type Session } from './auth/auth-service.js';
export { hashPassword } from './auth/passwords.js';
export type { AppContext } from './context.js';
export { type CreateRarSetInput, type CreateRarSetResult, createRarSet } from './create-rar-set.js';
export {
  type Job,
  JobErrorCode,
  JobQueries,
  type JobStatus,
  type JobType,
  type Viewer,
} from './jobs/job-queries.js';
export { type PackReleaseRequest, type PackReleaseResult, packRelease } from './pack-release.js';
export { type ResolvedSource, resolveSources } from './resolve-sources.js';
export { SecretBox, SecretErrorCode } from './secrets/secret-box.js';
export { type AppServices, createServices } from './services.js';
export { checkReadiness, type ReadinessReport } from './system/readiness.js';
export { type Actor, UserErrorCode, UserService } from './users/user-service.js';
export { validateReleaseDir } from './validate-release-dir.js';
