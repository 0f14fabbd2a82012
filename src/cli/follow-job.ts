import { RelpackError } from '../errors/index.js';
import type { Backend, JobView } from './backend/backend.js';
import { type ByteProgressReporter, createByteProgress } from './byte-progress.js';
import type { CliDeps } from './cli-deps.js';
import { createProgressReporter, type ProgressReporter } from './progress-reporter.js';

type JobProgress = JobView['progress'];

/** Draws a job's progress on stderr: a volume bar while archiving, a transfer bar while downloading or uploading. */
export class JobProgressView {
  private archive: ProgressReporter | null = null;
  private transfer: ByteProgressReporter | null = null;
  private phase = '';

  constructor(
    private readonly stderr: NodeJS.WriteStream,
    private readonly enabled: boolean,
  ) {}

  update(p: JobProgress): void {
    if (p?.phase && p.phase !== this.phase) {
      this.stop();
      this.phase = p.phase;
    }
    if (p?.phase === 'archive' && p.volumeIndex !== undefined) {
      this.archive ??= createProgressReporter(this.stderr, this.enabled);
      this.archive.update({
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
        volumeIndex: p.volumeIndex,
        volumeCount: p.volumeCount ?? 0,
        volumeFileName: p.currentFile ?? '',
      });
    } else if (p?.phase === 'upload' || p?.phase === 'download') {
      this.transfer ??= createByteProgress(this.stderr, {
        verb: p.phase === 'upload' ? 'uploading' : 'downloading',
        enabled: this.enabled,
      });
      this.transfer.update({
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
        label: p.currentFile ?? '',
      });
    }
  }

  stop(): void {
    this.archive?.stop();
    this.transfer?.stop();
    this.archive = null;
    this.transfer = null;
  }
}

/** What following needs of a backend: its event stream and a way to cancel. */
export type Followable = Pick<Backend, 'followJob' | 'jobAction'>;

/**
 * Follows a job until it ends (the backend's event stream), drawing its progress on stderr.
 * Ctrl-C asks the job to cancel and keeps following, so the end reported is the job's own.
 */
export async function followJob(
  deps: CliDeps,
  backend: Followable,
  jobId: string,
  options: { progress: boolean },
): Promise<JobView> {
  const view = new JobProgressView(deps.stderr, options.progress);
  const cancel = () => void backend.jobAction(jobId, 'cancel').catch(() => undefined);
  deps.signal.addEventListener('abort', cancel, { once: true });
  try {
    for await (const event of backend.followJob(jobId, { logs: false })) {
      if (event.type === 'snapshot') view.update(event.job.progress);
      else if (event.type === 'progress') view.update(event.progress);
      else if (event.type === 'end') return event.job;
    }
    throw new RelpackError('INTERNAL_ERROR', `The events of job ${jobId} ended before the job did`, {});
  } finally {
    view.stop();
    deps.signal.removeEventListener('abort', cancel);
  }
}

/** The upload jobs of a pack: recorded before the pack is marked completed, so one read finds them. */
export async function uploadJobsOf(backend: Backend, packJobId: string): Promise<JobView[]> {
  return (await backend.listJobs({ parent: packJobId, type: 'upload', limit: 50, order: 'oldest' })).items;
}
