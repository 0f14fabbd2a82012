export type { Artifact, JobLogLine, LogLevel, Role, User } from '../db/index.js';
export { LOG_LEVELS } from '../db/index.js';
export { bookFields, extractMetadata, type FileMetadata } from '../metadata/extract/index.js';
export { type BookCandidate, type BookQuery, ProviderErrorCode } from '../metadata/providers/index.js';
export {
  ApiConfigErrorCode,
  ApiConfigService,
  type ApiConfigView,
  type ApiSettings,
  PROVIDERS,
  type ProviderId,
} from './api-configs/api-config-service.js';
export { AccessTokens } from './auth/access-tokens.js';
export { AuthError, AuthErrorCode } from './auth/auth-errors.js';
export { AuthService, type ClientInfo, type Session } from './auth/auth-service.js';
export { assertStrongPassword, MIN_PASSWORD_LENGTH, PasswordErrorCode } from './auth/password-policy.js';
export { hashPassword } from './auth/passwords.js';
export { SessionState, type SessionViewer } from './auth/session-state.js';
export type { AppContext } from './context.js';
export { type CreateRarSetInput, type CreateRarSetResult, createRarSet } from './create-rar-set.js';
export {
  type DestinationInput,
  DestinationInputSchema,
  type DestinationView,
} from './destinations/destination-schema.js';
export { DestinationErrorCode, DestinationService } from './destinations/destination-service.js';
export { type PackJobConfig, PackJobConfigSchema } from './jobs/job-config.js';
export { type JobEvent, JobEvents } from './jobs/job-events.js';
export { type Job, JobQueries, type JobStatus, type JobType, type Viewer } from './jobs/job-queries.js';
export { JobService, type Requester } from './jobs/job-service.js';
export { JobErrorCode, TERMINAL_STATUSES } from './jobs/job-state.js';
export { jobOutputDir } from './jobs/run-pack-job.js';
export { type UploadJobConfig, UploadJobConfigSchema } from './jobs/upload-job-config.js';
export { type LookupResult, MetadataLookup } from './metadata/metadata-lookup.js';
export { type PackReleaseRequest, type PackReleaseResult, packRelease } from './pack-release.js';
export { isPreferenceKey, PREFERENCES, type PreferenceKey } from './preferences/preference-registry.js';
export {
  type ImportChange,
  PreferenceErrorCode,
  type PreferenceExport,
  PreferenceService,
  type ResolvedPreference,
} from './preferences/preference-service.js';
export { type ResolvedSource, resolveSources } from './resolve-sources.js';
export { SecretBox, SecretErrorCode } from './secrets/secret-box.js';
export { type AppServices, createServices } from './services.js';
export { browseSources, type SourceEntry } from './sources/browse-sources.js';
export { confineToRoots, SourceErrorCode } from './sources/confine-path.js';
export { downloadName, downloadUrl } from './sources/download-url.js';
export { SourceRoots } from './sources/source-roots.js';
export { type SweepResult, sweepStorage, uploadedBytes } from './sources/sweep-storage.js';
export { isBlockedAddress, UrlErrorCode, UrlPolicy } from './sources/url-guard.js';
export { checkReadiness, type ReadinessReport } from './system/readiness.js';
export { type DiskSpace, diskSpace } from './system/system-status.js';
export {
  type Editor,
  type RenderPreview,
  type TemplateDraft,
  TemplateErrorCode,
  TemplateService,
  type TemplateView,
} from './templates/template-service.js';
export { type Actor, UserErrorCode, UserService } from './users/user-service.js';
export { validateReleaseDir } from './validate-release-dir.js';
export { type StepResult, WizardErrorCode, WizardService, type WizardUser } from './wizard/wizard-service.js';
export {
  type PartialWizardState,
  WIZARD_STEPS,
  type WizardState,
  WizardStateSchema,
  type WizardStep,
  WizardSteps,
} from './wizard/wizard-state.js';
