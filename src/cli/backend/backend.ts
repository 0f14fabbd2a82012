import type {
  ArtifactView,
  DestinationCreate,
  DestinationService,
  DestinationUpdate,
  DestinationView,
  FixJobRequest,
  ImportChange,
  JobDetail,
  JobListQuery,
  JobPage,
  JobStreamEvent,
  JobView,
  LogLineView,
  LogQuery,
  PackJobRequest,
  PreferenceExport,
  PreferenceValues,
  ReleaseActionPreview,
  ReleaseActionService,
  ReleaseNamePage,
  ReleaseNameQuery,
  RenderPreview,
  RenderRequest,
  RepackJobRequest,
  ResolvedPreference,
  TemplateDraft,
  TemplateView,
} from '../../app/index.js';

export type { ArtifactView, DestinationView, JobView, ReleaseActionPreview };

export type ReleaseActionRequest =
  | { readonly action: 'fix'; readonly body: FixJobRequest }
  | { readonly action: 'repack'; readonly body: RepackJobRequest };

export type ReleaseHistory = Awaited<ReturnType<ReleaseActionService['history']>>;

/**
 * What the job, preference and template commands need, answered either by this machine's
 * database (local mode) or by a relpack server (`--server`). Both are typed by the use-cases'
 * contracts (the API's shapes), so `--json` output is the same in either mode.
 */
/** A connection test's answer: what the server said, and the destination as it now is. */
export type DestinationTest = Awaited<ReturnType<DestinationService['test']>>;

export interface Backend {
  readonly mode: 'local' | 'server';
  listJobs(query: JobListQuery): Promise<JobPage>;
  getJob(id: string): Promise<JobDetail>;
  createJob(request: PackJobRequest): Promise<JobView>;
  jobAction(id: string, action: 'cancel' | 'retry'): Promise<JobView>;
  deleteJob(id: string): Promise<void>;
  /** The job's events until it ends (the event stream on a server). */
  followJob(id: string, options?: { signal?: AbortSignal; logs?: boolean }): AsyncIterable<JobStreamEvent>;
  logs(id: string, query: LogQuery): Promise<LogLineView[]>;
  artifacts(id: string): Promise<ArtifactView[]>;
  preferences(): Promise<ResolvedPreference[]>;
  setPreferences(values: PreferenceValues, global: boolean): Promise<void>;
  unsetPreference(key: string, global: boolean): Promise<void>;
  exportPreferences(global: boolean): Promise<PreferenceExport>;
  importPreferences(doc: unknown, global: boolean, dryRun: boolean): Promise<ImportChange[]>;
  templates(): Promise<TemplateView[]>;
  template(idOrName: string): Promise<TemplateView>;
  /** Creates the template, or changes the body of the caller's own one with that name. */
  saveTemplate(draft: TemplateDraft): Promise<TemplateView>;
  renderTemplate(input: RenderRequest): Promise<RenderPreview>;
  destinations(): Promise<DestinationView[]>;
  /** By id or name. */
  destination(idOrName: string): Promise<DestinationView>;
  createDestination(body: DestinationCreate): Promise<DestinationView>;
  updateDestination(idOrName: string, body: DestinationUpdate): Promise<DestinationView>;
  deleteDestination(idOrName: string): Promise<void>;
  testDestination(idOrName: string): Promise<DestinationTest>;
  /** Upload jobs for a completed pack job, one per destination. */
  uploadJob(packJobId: string, destinations: readonly string[]): Promise<JobView[]>;
  /** A fix or repack job for a completed job's release, or (preview) what it would make. */
  releaseAction(id: string, request: ReleaseActionRequest): Promise<JobView>;
  previewReleaseAction(id: string, request: ReleaseActionRequest): Promise<ReleaseActionPreview>;
  releaseHistory(id: string): Promise<ReleaseHistory>;
  /** The release names relpack has produced (the dupe list). */
  releaseNames(query: ReleaseNameQuery): Promise<ReleaseNamePage>;
  /** An upload job for a release directory on this machine (local mode only). */
  uploadDirectory(releaseDir: string, destination: string): Promise<JobView>;
  /** The caller's own password; the caller's other sessions end, this one stays. */
  changePassword(current: string, next: string): Promise<void>;
  /** Who the commands act as. */
  readonly username: string | null;
  close(): Promise<void>;
}
