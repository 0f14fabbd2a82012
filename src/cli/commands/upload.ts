import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Backend, JobView } from '../backend/backend.js';
import { withBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { exitCodeFor, knownCode } from '../exit-codes.js';
import { printJson, SERVER_OPTION } from '../output.js';

interface UploadOptions {
  to: string[];
  server?: string;
  json: boolean;
  progress: boolean;
  wait: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command, deps: CliDeps): void {
  program
    .command('upload')
    .summary('upload a release to FTP, FTPS or SFTP destinations (resumes, verifies)')
    .description(
      'Uploads a release directory on this machine, or the release of a completed pack job, to one or more\n' +
        'destinations. Each destination is an upload job: it has logs, can be cancelled and retried, and a retry\n' +
        'continues every file from the size already on the server.',
    )
    .argument('<release>', 'a release directory, or the id (or short id) of a completed pack job')
    .requiredOption('--to <destination>', 'destination name or id (repeat for several)', collect)
    .option(...SERVER_OPTION)
    .option('--json', 'print JSON', false)
    .option('--no-progress', 'do not report progress on stderr')
    .option('--no-wait', 'queue the upload jobs and return')
    .action((release: string, o: UploadOptions) =>
      withBackend(deps.context.version, o.server, async (b) => {
        const jobs = await queueUploads(b, release, o.to);
        await finishUploads(deps, b, jobs, o);
      }),
    );
}

async function queueUploads(
  b: Backend,
  release: string,
  destinations: readonly string[],
): Promise<JobView[]> {
  const dir = await stat(release).catch(() => null);
  if (dir?.isDirectory()) {
    const jobs: JobView[] = [];
    for (const d of destinations) jobs.push(await b.uploadDirectory(resolve(release), d));
    return jobs;
  }
  return b.uploadJob(release, destinations);
}

/** Follows upload jobs to their end (unless --no-wait) and reports them; a failure sets the exit code. */
export async function finishUploads(
  deps: CliDeps,
  b: Backend,
  queued: readonly JobView[],
  o: { json: boolean; progress: boolean; wait: boolean; report?: boolean },
): Promise<JobView[]> {
  const { followJob } = await import('../follow-job.js');
  const jobs: JobView[] = [];
  for (const job of queued) {
    if (!o.wait) {
      jobs.push(job);
      continue;
    }
    if (!o.json) deps.stderr.write(`upload job ${job.id}: ${job.title ?? ''}\n`);
    jobs.push(await followJob(deps, b, job.id, { progress: o.progress }));
  }
  if (o.report !== false) reportUploads(deps, jobs, o.json);
  return jobs;
}

export const uploadSummary = (jobs: readonly JobView[]) =>
  jobs.map((j) => ({ id: j.id, status: j.status, error: j.error, result: j.result }));

/** Prints upload jobs (or one JSON document) and sets the exit code when one did not complete. */
export function reportUploads(deps: CliDeps, jobs: readonly JobView[], json: boolean): void {
  const failed = jobs.find((j) => j.status === 'failed' || j.status === 'cancelled');
  if (failed) deps.setExitCode(exitCodeFor(knownCode(failed.error?.code, 'ABORTED')));
  if (json) {
    printJson(deps, { jobs: uploadSummary(jobs) });
    return;
  }
  for (const j of jobs) {
    const r = j.result as {
      remoteDir?: string;
      bytesSent?: number;
      destination?: { name: string };
      files?: { path: string; size: number; skipped: boolean; resumedFrom: number; verifiedBy: string }[];
    } | null;
    deps.stdout.write(`${j.status.padEnd(9)} ${j.id} ${j.title ?? ''}\n`);
    if (j.error) deps.stdout.write(`          ${j.error.code}: ${j.error.message}\n`);
    if (!r?.files) continue;
    deps.stdout.write(`          ${r.destination?.name}:${r.remoteDir} — ${r.bytesSent} bytes sent\n`);
    for (const f of r.files) {
      const how = f.skipped ? 'already there' : f.resumedFrom > 0 ? `resumed at ${f.resumedFrom}` : 'sent';
      deps.stdout.write(
        `          ${f.path.padEnd(50)} ${String(f.size).padStart(12)}  ${how}, ${f.verifiedBy}\n`,
      );
    }
  }
}
