import { stat } from 'node:fs/promises';
import { RelpackError } from '../errors/index.js';
import type { ReleaseActionPreview, ReleaseActionRequest } from './backend/backend.js';
import { withBackend } from './backend/open-backend.js';
import type { CliDeps } from './cli-deps.js';
import { exitCodeFor, knownCode } from './exit-codes.js';
import { formatFindings } from './findings-format.js';
import { printJson } from './output.js';

export interface JobActionOptions {
  readonly server?: string;
  readonly preview: boolean;
  readonly json: boolean;
  readonly progress: boolean;
  readonly wait: boolean;
}

/**
 * `fix` and `repack` take a release folder on this machine (done here, in this process) or the
 * id of a completed job (a fix or repack job in the local database or on `--server`, linked to
 * that job so its history shows it). Returns false when `target` is a folder to do here.
 */
export async function isJobTarget(target: string, server: string | undefined): Promise<boolean> {
  const isDir = (await stat(target).catch(() => null))?.isDirectory() ?? false;
  if (isDir && server) {
    throw new RelpackError(
      'SOURCE_NOT_LOCAL',
      `${target} is a folder on this machine: drop --server to fix it here, or give the id of a job on the server`,
      { path: target },
    );
  }
  return !isDir;
}

/** A job's fix or repack is made from the job's own release and profile, in a job folder of its own. */
export function refuseFolderOptions<K extends string>(
  options: Partial<Record<K, unknown>>,
  keys: readonly K[],
): void {
  const given = keys.filter((k) => options[k] !== undefined);
  if (given.length > 0) {
    const flag = given[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `--${flag} is for a release folder on this machine; a job's release is fixed or repacked from the job, in a job of its own`,
      { options: given },
    );
  }
}

/** Runs a fix or repack as a job (or previews it), follows it, and reports it like `pack --job`. */
export async function runJobAction(
  deps: CliDeps,
  ref: string,
  request: ReleaseActionRequest,
  o: JobActionOptions,
): Promise<void> {
  await withBackend(deps.context.version, o.server, async (b) => {
    if (o.preview) {
      const preview = await b.previewReleaseAction(ref, request);
      if (o.json) return printJson(deps, preview);
      deps.stdout.write(formatPreview(preview));
      for (const warning of preview.warnings) deps.stderr.write(`warning: ${warning}\n`);
      if (preview.findings.length > 0) deps.stderr.write(formatFindings(preview.findings, deps.stderr));
      return;
    }
    const job = await b.releaseAction(ref, request);
    if (!o.json) deps.stderr.write(`${request.action} job ${job.id}: ${job.title ?? ''}\n`);
    if (!o.wait) {
      if (o.json) printJson(deps, { job });
      else deps.stdout.write(`job ${job.id} ${job.status}\n`);
      return;
    }
    const { followJob } = await import('./follow-job.js');
    const done = await followJob(deps, b, job.id, { progress: o.progress });
    const artifacts = done.status === 'completed' ? await b.artifacts(done.id) : [];
    if (o.json) {
      printJson(deps, {
        job: { id: done.id, status: done.status, error: done.error, result: done.result },
        artifacts,
      });
    } else {
      deps.stdout.write(
        `job ${done.id} ${done.status}${done.error ? `: ${done.error.code} ${done.error.message}` : ''}\n`,
      );
      for (const a of artifacts)
        deps.stdout.write(
          `  ${a.kind.padEnd(6)} ${a.path.padEnd(60)} ${String(a.size).padStart(12)}  ${a.crc32}\n`,
        );
    }
    if (done.status !== 'completed') deps.setExitCode(exitCodeFor(knownCode(done.error?.code)));
  });
}

export function formatPreview(preview: ReleaseActionPreview): string {
  const lines = [`${preview.releaseName}  (${preview.profile})`, `  ${preview.tag} of ${preview.replaces}`];
  if (preview.notes) lines.push(`  NFO notes: ${preview.notes}`);
  if (preview.nfo)
    lines.push(`  ${preview.nfo.name}:`, ...preview.nfo.text.split(/\r?\n/).map((l) => `    ${l}`));
  lines.push('nothing written (--preview)');
  return `${lines.join('\n')}\n`;
}
