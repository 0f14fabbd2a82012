import type { Command } from 'commander';
import type { BatchItemResult, BatchSummary } from '../../app/index.js';
import type { Backend, JobView } from '../backend/backend.js';
import { openBackend } from '../backend/open-backend.js';
import type { CliDeps } from '../cli-deps.js';
import { ExitCode } from '../exit-codes.js';
import { loadApp, loadSettings } from '../load.js';
import { printJson, table } from '../output.js';
import { readTextInput } from '../read-input.js';
import { finishUploads } from './upload.js';

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
        const { parseBatch, runBatch } = await loadApp();
        const items = parseBatch(await readTextInput(file), file === '-' ? 'stdin' : file);
        // Opened on the first item that uploads (it needs this machine's database).
        let local: Promise<Backend> | undefined;
        const summary = await runBatch(deps.context, items, {
          concurrency: Number(o.concurrency) || 1,
          continueOnError: o.continueOnError,
          resume: o.resume,
          outputDir: o.out ?? (await loadSettings()).releasesDir,
          signal: deps.signal,
          say: (line) => deps.stderr.write(`${line}\n`),
          upload: async (releaseDir, destinations) => {
            local ??= openBackend(deps.context.version, undefined);
            const backend = await local;
            const queued: JobView[] = [];
            for (const d of destinations) queued.push(await backend.uploadDirectory(releaseDir, d));
            return finishUploads(deps, backend, queued, {
              json: true,
              progress: false,
              wait: true,
              report: false,
            });
          },
        });
        if (local) await (await local).close();
        report(deps, summary, o.json);
      },
    );
}

/** Server mode: every item becomes a job on the server (its queue sets the pace); the CLI waits for all. */
async function batchOnServer(deps: CliDeps, server: string, file: string, json: boolean): Promise<void> {
  const [
    { failedItem, itemFromJob, parseBatch, summarize },
    { openHttpBackend },
    { followJob, uploadJobsOf },
  ] = await Promise.all([loadApp(), import('../backend/http-backend.js'), import('../follow-job.js')]);
  const items = parseBatch(await readTextInput(file), file === '-' ? 'stdin' : file);
  const backend = await openHttpBackend(server);
  const results: BatchItemResult[] = [];
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
      const failed = failedItem(index + 1, error);
      results.push(failed);
      deps.stderr.write(
        `[${index + 1}/${items.length}] refused: ${failed.error?.code}: ${failed.error?.message}\n`,
      );
    }
  }
  for (const [index, id] of ids.entries()) {
    if (!id) continue;
    const job = await followJob(deps, backend, id, { progress: false });
    const size =
      job.status === 'completed' ? (await backend.artifacts(id)).reduce((n, a) => n + a.size, 0) : null;
    const upload = items[index]!.upload;
    const uploads =
      job.status === 'completed' && upload?.length
        ? await finishUploads(deps, backend, await uploadJobsOf(backend, id), {
            json: true,
            progress: false,
            wait: true,
            report: false,
          })
        : null;
    results.push(itemFromJob(index + 1, job, size, uploads));
    deps.stderr.write(
      `[${index + 1}/${items.length}] ${job.status} ${job.result?.releaseName ?? job.error?.code ?? ''}\n`,
    );
  }
  report(deps, summarize(items.length, results), json);
}

/** The summary, the same table in both modes: one row per item, in the file's order. */
function report(deps: CliDeps, summary: BatchSummary, json: boolean): void {
  if (summary.failed > 0) deps.setExitCode(ExitCode.PARTIAL_FAILURE);
  if (json) {
    printJson(deps, summary);
    return;
  }
  deps.stdout.write(
    table([
      ['#', 'STATUS', 'NAME', 'SIZE', 'VOLUMES', 'FINDINGS', 'UPLOADS', 'TIME'],
      ...summary.items.map((r) => [
        String(r.index),
        r.status,
        r.releaseName ?? r.error?.code ?? r.reason ?? '',
        r.size === null ? '' : `${(r.size / 1e6).toFixed(1)} MB`,
        r.volumes === null ? '' : String(r.volumes),
        String(r.findings),
        r.uploads ? `${r.uploads.filter((u) => u.status === 'completed').length}/${r.uploads.length}` : '',
        `${r.seconds.toFixed(1)} s`,
      ]),
    ]),
  );
  deps.stdout.write(`${summary.completed} completed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
}
