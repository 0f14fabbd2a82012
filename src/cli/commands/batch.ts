import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import PQueue from 'p-queue';
import { packRelease, validateReleaseDir } from '../../app/index.js';
import { loadConfig } from '../../config.js';
import { CommonErrorCode, isRelpackError, RelpackError } from '../../engine/index.js';
import { parseBatch } from '../batch-file.js';
import type { CliDeps } from '../cli-deps.js';
import { ExitCode } from '../exit-codes.js';
import { printJson, table } from '../output.js';

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
}

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(file, 'utf8').catch(() => {
    throw new RelpackError(CommonErrorCode.SOURCE_NOT_FOUND, `Cannot read ${file}`, { file });
  });
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
    .option('--json', 'print the summary as JSON', false)
    .action(
      async (
        file: string,
        o: { concurrency: string; continueOnError: boolean; resume: boolean; out?: string; json: boolean },
      ) => {
        const items = parseBatch(await readInput(file), file === '-' ? 'stdin' : file);
        const defaultOut = o.out ?? loadConfig().releasesDir;
        const queue = new PQueue({ concurrency: Math.max(1, Number(o.concurrency) || 1) });
        const results: ItemResult[] = [];
        let stop = false;
        const total = items.length;
        const say = (line: string) => deps.stderr.write(`${line}\n`);
        await Promise.all(
          items.map((item, index) =>
            queue.add(async () => {
              const started = Date.now();
              const label = `[${index + 1}/${total}]`;
              const base: ItemResult = {
                index: index + 1,
                status: 'skipped',
                releaseName: null,
                releaseDir: null,
                size: null,
                volumes: null,
                findings: 0,
                seconds: 0,
                error: null,
              };
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
                results.push({
                  ...base,
                  status: 'completed',
                  releaseName: done.releaseName,
                  releaseDir: done.releaseDir,
                  size,
                  volumes: done.volumes.length,
                  findings: done.findings.length,
                  seconds: (Date.now() - started) / 1000,
                });
                say(`${label} done ${done.releaseName}`);
              } catch (error) {
                if (!o.continueOnError) stop = true;
                const err = isRelpackError(error)
                  ? { code: error.code, message: error.message }
                  : { code: 'INTERNAL_ERROR', message: (error as Error).message };
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
            ['#', 'STATUS', 'NAME', 'SIZE', 'VOLUMES', 'FINDINGS', 'TIME'],
            ...results.map((r) => [
              String(r.index),
              r.status,
              r.releaseName ?? r.error?.code ?? r.reason ?? '',
              r.size === null ? '' : `${(r.size / 1e6).toFixed(1)} MB`,
              r.volumes === null ? '' : String(r.volumes),
              String(r.findings),
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
