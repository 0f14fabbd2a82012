/**
 * What the job, preference and template commands need, answered either by this machine's
 * database (local mode) or by a relpack server (`--server`). Both speak the API's JSON shapes,
 * so `--json` output is the same in either mode.
 */
export interface JobView {
  readonly id: string;
  readonly type: string;
  readonly profile: string | null;
  readonly status: string;
  readonly ownerId: string | null;
  readonly title: string | null;
  readonly progress: unknown;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly attempts: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly [key: string]: unknown;
}

export interface LogLine {
  readonly id: number;
  readonly level: string;
  readonly message: string;
  readonly fields: Record<string, unknown> | null;
  readonly at: string;
}

export interface ArtifactView {
  readonly id: string;
  readonly kind: string;
  readonly path: string;
  readonly size: number;
  readonly crc32: string;
}

export interface JobQuery {
  readonly status?: string;
  readonly type?: string;
  readonly parent?: string;
  readonly q?: string;
  readonly limit: number;
  readonly offset?: number;
}

/** A destination as the API shows it (never a secret). */
export type DestinationRecord = Record<string, unknown> & { readonly id: string; readonly name: string };

export interface Backend {
  readonly mode: 'local' | 'server';
  listJobs(query: JobQuery): Promise<{ items: JobView[]; total: number }>;
  getJob(id: string): Promise<JobView>;
  createJob(config: Record<string, unknown>): Promise<JobView>;
  jobAction(id: string, action: 'cancel' | 'retry'): Promise<JobView>;
  deleteJob(id: string): Promise<void>;
  logs(id: string, options: { after?: number; level?: string; limit: number }): Promise<LogLine[]>;
  artifacts(id: string): Promise<ArtifactView[]>;
  preferences(): Promise<{ key: string; value: unknown; source: string; description: string }[]>;
  setPreferences(values: Record<string, unknown>, global: boolean): Promise<void>;
  unsetPreference(key: string, global: boolean): Promise<void>;
  exportPreferences(global: boolean): Promise<unknown>;
  importPreferences(
    doc: unknown,
    global: boolean,
    dryRun: boolean,
  ): Promise<{ key: string; from: unknown; to: unknown }[]>;
  templates(): Promise<Record<string, unknown>[]>;
  template(idOrName: string): Promise<Record<string, unknown>>;
  saveTemplate(draft: {
    name: string;
    body: string;
    kind: string;
    releaseType: string;
  }): Promise<Record<string, unknown>>;
  renderTemplate(input: {
    body: string;
    kind: string;
    releaseType: string;
    data?: Record<string, unknown>;
  }): Promise<Record<string, unknown>>;
  destinations(): Promise<DestinationRecord[]>;
  /** By id or name. */
  destination(idOrName: string): Promise<DestinationRecord>;
  createDestination(body: Record<string, unknown>): Promise<DestinationRecord>;
  updateDestination(idOrName: string, body: Record<string, unknown>): Promise<DestinationRecord>;
  deleteDestination(idOrName: string): Promise<void>;
  testDestination(idOrName: string): Promise<Record<string, unknown>>;
  /** Upload jobs for a completed pack job, one per destination. */
  uploadJob(packJobId: string, destinations: readonly string[]): Promise<JobView[]>;
  /** An upload job for a release directory on this machine (local mode only). */
  uploadDirectory(releaseDir: string, destination: string): Promise<JobView>;
  close(): Promise<void>;
}
