import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import PQueue from 'p-queue';
import { packRelease, validateReleaseDir } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import type { Backend, JobView } from '../backend/backend.js';
import { openHttpBackend } from '../backend/http-backend.js';
import { openBackend } from '../backend/open-backend.js';
import { parseBatch } from '../batch-file.js';
import type { CliDeps } from '../cli-deps.js';
import { ExitCode } from '../exit-codes.js';
import { uploadJobsOf } from '../follow-job.js';
import { printJson, table } from '../output.js';
import { errorSummary, readTextInput } from '../read-input.js';
import { finishUploads } from './upload.js';

interface ItemResult {
  index: number;
  status: 'completed' | 'failed' | 'skipped';
  releaseName: string | null;
  releaseDir: string | null;
  size: number | null;
  volumes: number | null;
  findings: number;
  seconds: number;
  error: { code: string; message: string } | null;
  reason?: string;
  /** Upload jobs of the item, when it asked for destinations. */
  uploads?: {
    id: string;
    status: string;
    destination: string;
    error: { code: string; message: string } | null;
  }[];
}

const uploadSummaries = (jobs: readonly JobView[]) =>
  jobs.map((j) => ({
    id: j.id,
    status: j.status,
    destination: (j.result as { destination?: { name: string } } | null)?.destination?.name ?? j.title ?? '',
    error: j.error,
  }));

/** An item whose release was packed but did not reach every destination counts as failed. */
function withUploads(result: ItemResult, uploads: readonly JobView[]): ItemResult {
  const bad = uploads.find((u) => u.status !== 'completed');
  return {
    ...result,
    uploads: uploadSummaries(uploads),
    ...(bad
      ? { status: 'failed' as const, error: bad.error ?? { code: 'ABORTED', message: 'upload cancelled' } }
      : {}),
  };
}

function emptyResult(index: number, status: ItemResult['status']): ItemResult {
  return {
    index,
    status,
    releaseName: null,
    releaseDir: null,
    size: null,
    volumes: null,
    findings: 0,
    seconds: 0,
    error: null,
  };
}

export function register(program: Command, deps: CliDeps): void {
  program
    .command('batch')
    .summary('pack every request of a JSON file (or - for stdin), with a summary table')
    .description(
      'The file is a JSON array of pack requests: { type, source, group, profile?, name?, meta?, volumeSize?,\n' +
        'rarFormat?, sample?, out? }. Exit 0 when all succeed, 6 when some failed.',
    )
    .argument('<file>', 'the batch file, or - for stdin')
    .option('--concurrency <n>', 'items packed at once', '1')
    .option('--continue-on-error', 'keep starting items after one fails', false)
    .option('--resume', 'skip items whose release already exists and validates', false)
    .option('-o, --out <dir>', 'default output directory for items without "out"')
    .option(
      '--server <url>',
      'queue the items as jobs on a relpack server and wait for them ($RELPACK_SERVER)',
    )
    .option('--json', 'print the summary as JSON', false)
    .action(
      async (
        file: string,
        o: {
          concurrency: string;
          continueOnError: boolean;
          resume: boolean;
          out?: string;
          json: boolean;
          server?: string;
        },
      ) => {
        const server = o.server ?? process.env.RELPACK_SERVER;
        if (server) return batchOnServer(deps, server, file, o.json);
        const items = parseBatch(await readTextInput(file), file === '-' ? 'stdin' : file);
        const defaultOut = o.out ?? loadConfig().releasesDir;
        const queue = new PQueue({ concurrency: Math.max(1, Number(o.concurrency) || 1) });
        const results: ItemResult[] = [];
        let stop = false;
        // Opened on the first item that uploads (it needs this machine's database).
        let local: Promise<Backend> | undefined;
        const total = items.length;
        const say = (line: string) => deps.stderr.write(`${line}\n`);
        await Promise.all(
          items.map((item, index) =>
            queue.add(async () => {
              const started = Date.now();
              const label = `[${index + 1}/${total}]`;
              const base = emptyResult(index + 1, 'skipped');
              if (stop || deps.signal.aborted) {
                results.push({ ...base, reason: 'an earlier item failed' });
                say(`${label} skipped`);
                return;
              }
              const request = {
                type: item.type,
                source: item.source,
                group: item.group,
                outputDir: item.out ?? defaultOut,
                meta: item.meta ?? {},
                ...(item.profile ? { profile: item.profile } : {}),
                ...(item.name ? { name: item.name } : {}),
                ...(item.volumeSize ? { volumeSize: item.volumeSize } : {}),
                ...(item.rarFormat ? { rarFormat: item.rarFormat } : {}),
                ...(item.sample ? { sample: true } : {}),
              };
              try {
                if (o.resume) {
                  const plan = await packRelease(deps.context, { ...request, dryRun: true });
                  const exists = await stat(join(request.outputDir, plan.releaseName)).catch(() => null);
                  if (
                    exists &&
                    (
                      await validateReleaseDir(join(request.outputDir, plan.releaseName), {
                        profile: plan.profile,
                      })
                    ).ok
                  ) {
                    results.push({
                      ...base,
                      releaseName: plan.releaseName,
                      releaseDir: plan.releaseDir,
                      reason: 'exists and validates',
                    });
                    say(`${label} ${plan.releaseName} exists and validates, skipped`);
                    return;
                  }
                }
                say(`${label} packing ${item.source}`);
                const done = await packRelease(deps.context, request, { signal: deps.signal });
                const size = done.files.reduce((n, f) => n + f.size, 0);
                let result: ItemResult = {
                  ...base,
                  status: 'completed',
                  releaseName: done.releaseName,
                  releaseDir: done.releaseDir,
                  size,
                  volumes: done.volumes.length,
                  findings: done.findings.length,
                  seconds: 0,
                };
                if (item.upload?.length) {
                  local ??= openBackend(deps.context.version, undefined);
                  const backend = await local;
                  const queued: JobView[] = [];
                  for (const d of item.upload) queued.push(await backend.uploadDirectory(done.releaseDir, d));
                  say(`${label} uploading to ${item.upload.join(', ')}`);
                  result = withUploads(
                    result,
                    await finishUploads(deps, backend, queued, {
                      json: true,
                      progress: false,
                      wait: true,
                      report: false,
                    }),
                  );
                  if (result.status === 'failed' && !o.continueOnError) stop = true;
                }
                results.push({ ...result, seconds: (Date.now() - started) / 1000 });
                say(`${label} ${result.status === 'completed' ? 'done' : 'failed'} ${done.releaseName}`);
              } catch (error) {
                if (!o.continueOnError) stop = true;
                const err = errorSummary(error);
                results.push({
                  ...base,
                  status: 'failed',
                  seconds: (Date.now() - started) / 1000,
                  error: err,
                });
                say(`${label} failed: ${err.code}: ${err.message}`);
              }
            }),
          ),
        );
        if (local) await (await local).close();
        results.sort((a, b) => a.index - b.index);
        const failed = results.filter((r) => r.status === 'failed').length;
        if (failed > 0) deps.setExitCode(ExitCode.PARTIAL_FAILURE);
        if (o.json)
          return printJson(deps, {
            total,
            completed: results.filter((r) => r.status === 'completed').length,
            failed,
            skipped: results.filter((r) => r.status === 'skipped').length,
            items: results,
          });
        deps.stdout.write(
          table([
            ['#', 'STATUS', 'NAME', 'SIZE', 'VOLUMES', 'FINDINGS', 'UPLOADS', 'TIME'],
            ...results.map((r) => [
              String(r.index),
              r.status,
              r.releaseName ?? r.error?.code ?? r.reason ?? '',
              r.size === null ? '' : `${(r.size / 1e6).toFixed(1)} MB`,
              r.volumes === null ? '' : String(r.volumes),
              String(r.findings),
              r.uploads
                ? `${r.uploads.filter((u) => u.status === 'completed').length}/${r.uploads.length}`
                : '',
              `${r.seconds.toFixed(1)} s`,
            ]),
          ]),
        );
        deps.stdout.write(
          `${results.length - failed - results.filter((r) => r.status === 'skipped').length} completed, ${failed} failed, ${results.filter((r) => r.status === 'skipped').length} skipped\n`,
        );
      },
    );
}

/** Server mode: every item becomes a job on the server (its queue sets the pace); the CLI waits for all. */
async function batchOnServer(deps: CliDeps, server: string, file: string, json: boolean): Promise<void> {
  const items = parseBatch(await readTextInput(file), file === '-' ? 'stdin' : file);
  const backend = await openHttpBackend(server);
  const results: ItemResult[] = [];
  const ids: (string | null)[] = [];
  for (const [index, item] of items.entries()) {
    const { out: _out, meta, upload, ...rest } = item;
    try {
      const job = await backend.createJob({
        ...rest,
        ...(meta ? { meta } : {}),
        ...(upload?.length ? { destinations: upload } : {}),
      });
      ids.push(job.id);
      deps.stderr.write(`[${index + 1}/${items.length}] queued job ${job.id}\n`);
    } catch (error) {
      ids.push(null);
      const err = errorSummary(error);
      results.push({ ...emptyResult(index + 1, 'failed'), error: err });
      deps.stderr.write(`[${index + 1}/${items.length}] refused: ${err.code}: ${err.message}\n`);
    }
  }
  for (const [index, id] of ids.entries()) {
    if (!id) continue;
    let job = await backend.getJob(id);
    while (!['completed', 'failed', 'cancelled'].includes(job.status)) {
      await new Promise((r) => setTimeout(r, 500));
      job = await backend.getJob(id);
    }
    const result = job.result as { releaseName?: string; volumeCount?: number; findings?: unknown[] } | null;
    const seconds =
      job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : 0;
    const size =
      job.status === 'completed' ? (await backend.artifacts(id)).reduce((n, a) => n + a.size, 0) : null;
    const upload = items[index]!.upload;
    const uploads =
      job.status === 'completed' && upload?.length
        ? await finishUploads(deps, backend, await uploadJobsOf(backend, id, upload.length), {
            json: true,
            progress: false,
            wait: true,
            report: false,
          })
        : null;
    const packed: ItemResult = {
      index: index + 1,
      status: job.status === 'completed' ? 'completed' : 'failed',
      releaseName: result?.releaseName ?? null,
      releaseDir: null,
      size,
      volumes: result?.volumeCount ?? null,
      findings: result?.findings?.length ?? 0,
      seconds,
      error: job.error,
    };
    results.push(uploads ? withUploads(packed, uploads) : packed);
    deps.stderr.write(
      `[${index + 1}/${items.length}] ${job.status} ${result?.releaseName ?? job.error?.code ?? ''}\n`,
    );
  }
  results.sort((a, b) => a.index - b.index);
  const failed = results.filter((r) => r.status === 'failed').length;
  if (failed > 0) deps.setExitCode(ExitCode.PARTIAL_FAILURE);
  const summary = {
    total: items.length,
    completed: items.length - failed,
    failed,
    skipped: 0,
    items: results,
  };
  if (json) printJson(deps, summary);
  else deps.stdout.write(`${summary.completed} completed, ${failed} failed\n`);
}
