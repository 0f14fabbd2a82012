export type { Artifact, JobLogLine, LogLevel, Role, User } from '../db/index.js';
// The rules, names and progress types the adapters show, from the engine through the app.
export {
  checkReleaseName,
  configureSharedTemplateSandbox,
  describeVolumeSizes,
  type Finding,
  getProfile,
  groupThousands,
  listProfiles,
  parseEpisodeName,
  type RarWriteProgress,
  type RuleProfile,
} from '../engine/index.js';
export {
  type BookCandidate,
  type BookQuery,
  bookFields,
  extractMetadata,
  type FileMetadata,
  ProviderErrorCode,
} from '../metadata/index.js';
export {
  ApiConfigCreateSchema,
  ApiConfigErrorCode,
  type ApiConfigInput,
  ApiConfigInputSchema,
  ApiConfigService,
  type ApiConfigView,
  ApiConfigViewSchema,
  type ApiSettings,
  PROVIDERS,
  type ProviderId,
} from './api-configs/api-config-service.js';
export { type Caller, requireAdmin } from './auth/access.js';
export { AccessTokens } from './auth/access-tokens.js';
export { LoginSchema, RefreshSchema, SessionViewSchema } from './auth/auth-contract.js';
export { AuthError, AuthErrorCode } from './auth/auth-errors.js';
export { AuthService, type ClientInfo, type Session } from './auth/auth-service.js';
export { assertStrongPassword, MIN_PASSWORD_LENGTH, PasswordErrorCode } from './auth/password-policy.js';
export { hashPassword } from './auth/passwords.js';
export { SessionState, type SessionViewer } from './auth/session-state.js';
export { type BatchItem, BatchItemSchema, parseBatch } from './batch/batch-file.js';
export {
  type BatchItemResult,
  type BatchOptions,
  type BatchSummary,
  failedItem,
  itemFromJob,
  runBatch,
  summarize,
} from './batch/run-batch.js';
export type { AppContext } from './context.js';
export {
  type DestinationCreate,
  type DestinationInput,
  DestinationInputSchema,
  type DestinationUpdate,
  DestinationUpdateSchema,
  type DestinationView,
  DestinationViewSchema,
} from './destinations/destination-schema.js';
export { DestinationErrorCode, DestinationService } from './destinations/destination-service.js';
export * from './facts/index.js';
export * from './fix/index.js';
export {
  type FollowOptions,
  followJob,
  JobStreamDataSchemas,
  type JobStreamEvent,
} from './jobs/follow-job.js';
export { type PackJobConfig, PackJobConfigSchema } from './jobs/job-config.js';
export {
  ArtifactSchema,
  type ArtifactView,
  FindingSchema,
  isTerminal,
  type JobDetail,
  JobDetailSchema,
  type JobListFilter,
  type JobListQuery,
  JobListQuerySchema,
  type JobPage,
  JobPageSchema,
  JobProgressSchema,
  JobRefParamsSchema,
  JobResultSchema,
  JobStatusSchema,
  JobTypeSchema,
  type JobView,
  JobViewSchema,
  type LogFilter,
  LogLineSchema,
  type LogLineView,
  type LogQuery,
  LogQuerySchema,
  ReleaseTypeSchema,
  toJobView,
} from './jobs/job-contract.js';
export { type JobEvent, JobEvents } from './jobs/job-events.js';
export { type Job, JobQueries, type JobStatus, type JobType, type Viewer } from './jobs/job-queries.js';
export { JobService, type Requester } from './jobs/job-service.js';
export { JobErrorCode } from './jobs/job-state.js';
export {
  type FixJobRequest,
  FixJobRequestSchema,
  fixPreviewOf,
  type ReleaseActionPreview,
  ReleaseActionPreviewSchema,
  ReleaseHistorySchema,
  type ReleaseNamePage,
  ReleaseNamePageSchema,
  type ReleaseNameQuery,
  ReleaseNameQuerySchema,
  type RepackJobRequest,
  RepackJobRequestSchema,
  repackPreviewOf,
} from './jobs/release-action-contract.js';
export { ReleaseActionService } from './jobs/release-actions.js';
export { jobOutputDir } from './jobs/run-pack-job.js';
export { type UploadJobConfig, UploadJobConfigSchema } from './jobs/upload-job-config.js';
export {
  type BookLookup,
  type BookLookupResult,
  BookLookupResultSchema,
  BookLookupSchema,
  type VideoLookup,
  type VideoLookupResult,
  VideoLookupResultSchema,
  VideoLookupSchema,
} from './metadata/metadata-contract.js';
export { type LookupResult, MetadataLookup } from './metadata/metadata-lookup.js';
export { checkPackOptions, defaultProfileId, type PackOptions } from './pack/check-pack-options.js';
export { type PackReleaseRequest, type PackReleaseResult, packRelease } from './pack/pack-release.js';
export {
  GroupTagSchema,
  MetaSchema,
  type PackJobRequest,
  PackJobRequestSchema,
  ProfileIdSchema,
  RarFormatSchema,
  type TemplateChoice,
  TemplateChoiceSchema,
  VolumeSizeSchema,
} from './pack/pack-request.js';
export { type ResolvedSource, resolveSources } from './pack/resolve-sources.js';
export { parseInput } from './parse-input.js';
export {
  GlobalValueSchema,
  GlobalValuesSchema,
  ImportResultSchema,
  OneValueSchema,
  PreferenceExportSchema,
  PreferenceKeySchema,
  PreferenceListSchema,
  type PreferenceValues,
  PreferenceValuesSchema,
  ResolvedPreferenceSchema,
} from './preferences/preference-contract.js';
export { isPreferenceKey, PREFERENCES, type PreferenceKey } from './preferences/preference-registry.js';
export {
  type ImportChange,
  PreferenceErrorCode,
  type PreferenceExport,
  PreferenceService,
  type ResolvedPreference,
} from './preferences/preference-service.js';
export * from './rar-set/index.js';
export {
  listProfileViews,
  ProfileListSchema,
  type ProfileView,
  ProfileViewSchema,
  toProfileView,
} from './rules/profile-contract.js';
export type { RotationReport } from './secrets/rotate-secrets.js';
export { SecretBox, SecretErrorCode } from './secrets/secret-box.js';
export { type AppServices, createServices, type ServicesOptions } from './services.js';
export {
  BrowseQuerySchema,
  browseSources,
  type SourceEntry,
  SourceEntrySchema,
  SourceListingSchema,
} from './sources/browse-sources.js';
export { confineToRoots, SourceErrorCode } from './sources/confine-path.js';
export { downloadName, downloadUrl } from './sources/download-url.js';
export { SourceRoots } from './sources/source-roots.js';
export {
  type IncomingFile,
  SourceUploads,
  type UploadedSource,
  UploadedSourceSchema,
} from './sources/store-upload.js';
export { type SweepResult, sweepStorage, uploadedBytes } from './sources/sweep-storage.js';
export { isBlockedAddress, UrlErrorCode, UrlPolicy } from './sources/url-guard.js';
export {
  AuditEntrySchema,
  AuditLog,
  type AuditPage,
  AuditPageSchema,
  type AuditQuery,
  AuditQuerySchema,
} from './system/audit-log.js';
export { checkReadiness, type ReadinessReport } from './system/readiness.js';
export {
  type Health,
  HealthSchema,
  notReadyMessage,
  type Ready,
  ReadySchema,
  type SystemStatus,
  SystemStatusSchema,
} from './system/system-contract.js';
export {
  type RenderPreview,
  RenderPreviewSchema,
  type RenderRequest,
  RenderRequestSchema,
  RenderStoredSchema,
  type TemplateChange,
  TemplateChangeSchema,
  type TemplateDraft,
  TemplateDraftSchema,
  TemplateKindSchema,
  TemplateVariablesSchema,
  type TemplateView,
  TemplateViewSchema,
} from './templates/template-contract.js';
export { type Editor, TemplateErrorCode, TemplateService } from './templates/template-service.js';
export { type BootstrapResult, bootstrapNotice } from './users/bootstrap-admin.js';
export {
  type NewUser,
  NewUserSchema,
  PasswordChangeSchema,
  PasswordSchema,
  RoleSchema,
  toUserView,
  type UserChange,
  UserChangeSchema,
  UsernameSchema,
  type UserView,
  UserViewSchema,
} from './users/user-contract.js';
export { type Actor, UserErrorCode, UserService } from './users/user-service.js';
export { validateReleaseDir } from './validate-release-dir.js';
export {
  StepRequestSchema,
  type StepResult,
  StepResultSchema,
  toWizardPreview,
  type WizardPreview,
  WizardPreviewSchema,
} from './wizard/wizard-contract.js';
export { WizardErrorCode, WizardService, type WizardUser } from './wizard/wizard-service.js';
export {
  type PartialWizardState,
  WIZARD_STEPS,
  type WizardState,
  WizardStateSchema,
  type WizardStep,
  WizardSteps,
} from './wizard/wizard-state.js';
