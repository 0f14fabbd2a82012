import type { Backend, JobView } from './backend/backend.js';
import type { CliDeps } from './cli-deps.js';
import { createProgressReporter, type ProgressReporter } from './progress-reporter.js';
import { createTransferReporter, type TransferReporter } from './transfer-reporter.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

interface JobProgressView {
  phase?: string;
  bytesDone?: number;
  bytesTotal?: number;
  volumeIndex?: number;
  volumeCount?: number;
  currentFile?: string | null;
}

/**
 * Polls a job until it ends, drawing its progress on stderr: a volume bar while archiving, a
 * transfer bar while downloading the source or uploading. Ctrl-C asks the job to cancel.
 */
export async function followJob(
  deps: CliDeps,
  backend: Backend,
  jobId: string,
  options: { progress: boolean; pollMs?: number },
): Promise<JobView> {
  let archive: ProgressReporter | null = null;
  let transfer: TransferReporter | null = null;
  let phase = '';
  const stopBars = () => {
    archive?.stop();
    transfer?.stop();
    archive = null;
    transfer = null;
  };
  const cancel = () => void backend.jobAction(jobId, 'cancel').catch(() => undefined);
  deps.signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const job = await backend.getJob(jobId);
      const p = job.progress as JobProgressView | null;
      if (p?.phase && p.phase !== phase) {
        stopBars();
        phase = p.phase;
      }
      if (p?.phase === 'archive' && p.volumeIndex !== undefined) {
        archive ??= createProgressReporter(deps.stderr, options.progress);
        archive.update({
          bytesDone: p.bytesDone ?? 0,
          bytesTotal: p.bytesTotal ?? 0,
          volumeIndex: p.volumeIndex,
          volumeCount: p.volumeCount ?? 0,
          volumeFileName: p.currentFile ?? '',
        });
      } else if (p?.phase === 'upload' || p?.phase === 'download') {
        transfer ??= createTransferReporter(
          deps.stderr,
          options.progress,
          p.phase === 'upload' ? 'uploading' : 'downloading',
        );
        transfer.update({
          bytesDone: p.bytesDone ?? 0,
          bytesTotal: p.bytesTotal ?? 0,
          label: p.currentFile ?? '',
        });
      }
      if (TERMINAL.has(job.status)) return job;
      await new Promise((r) => setTimeout(r, options.pollMs ?? 300));
    }
  } finally {
    stopBars();
    deps.signal.removeEventListener('abort', cancel);
  }
}
