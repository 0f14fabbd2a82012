import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { isRelpackError } from '../../engine/index.js';
import type { AppContext } from '../context.js';
import type { JobView } from '../jobs/job-contract.js';
import { checkPackOptions } from '../pack/check-pack-options.js';
import { type PackReleaseRequest, packRelease } from '../pack/pack-release.js';
import { validateReleaseDir } from '../validate-release-dir.js';
import type { BatchItem } from './batch-file.js';

export interface BatchItemResult {
  readonly index: number;
  readonly status: 'completed' | 'failed' | 'skipped';
  readonly releaseName: string | null;
  readonly releaseDir: string | null;
  readonly size: number | null;
  readonly volumes: number | null;
  readonly findings: number;
  readonly seconds: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly reason?: string;
  /** Upload jobs of the item, when it asked for destinations. */
  readonly uploads?: readonly {
    readonly id: string;
    readonly status: string;
    readonly destination: string;
    readonly error: { readonly code: string; readonly message: string } | null;
  }[];
}

export interface BatchSummary {
  readonly total: number;
  readonly completed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly items: readonly BatchItemResult[];
}

export interface BatchOptions {
  readonly concurrency: number;
  readonly continueOnError: boolean;
  /** Skip items whose release already exists and validates. */
  readonly resume: boolean;
  /** Where items without their own `out` are written. */
  readonly outputDir: string;
  readonly signal: AbortSignal;
  /** One line per item event (`[2/5] packing …`). */
  readonly say: (line: string) => void;
  /** Uploads a packed release to the item's destinations; resolves when every upload has ended. */
  readonly upload: (releaseDir: string, destinations: readonly string[]) => Promise<JobView[]>;
}

const errorOf = (error: unknown) =>
  isRelpackError(error)
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL_ERROR', message: (error as Error).message };

const empty = (index: number, status: BatchItemResult['status']): BatchItemResult => ({
  index,
  status,
  releaseName: null,
  releaseDir: null,
  size: null,
  volumes: null,
  findings: 0,
  seconds: 0,
  error: null,
});

/** An item whose release was packed but did not reach every destination counts as failed. */
export function withUploads(result: BatchItemResult, uploads: readonly JobView[]): BatchItemResult {
  const bad = uploads.find((u) => u.status !== 'completed');
  return {
    ...result,
    uploads: uploads.map((j) => ({
      id: j.id,
      status: j.status,
      destination: j.result?.destination?.name ?? j.title ?? '',
      error: j.error,
    })),
    ...(bad
      ? { status: 'failed' as const, error: bad.error ?? { code: 'ABORTED', message: 'upload cancelled' } }
      : {}),
  };
}

export function summarize(total: number, results: BatchItemResult[]): BatchSummary {
  const items = [...results].sort((a, b) => a.index - b.index);
  const count = (status: BatchItemResult['status']) => items.filter((r) => r.status === status).length;
  return { total, completed: count('completed'), failed: count('failed'), skipped: count('skipped'), items };
}

/**
 * `relpack batch` on this machine: every item packed (`concurrency` at a time), checked before
 * any work, uploaded when it names destinations. A failed item stops the items not yet started
 * unless `continueOnError`; with `resume`, items already packed and valid are skipped.
 */
export async function runBatch(
  ctx: AppContext,
  items: readonly BatchItem[],
  options: BatchOptions,
): Promise<BatchSummary> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
  const results: BatchItemResult[] = [];
  let stop = false;
  const total = items.length;
  await Promise.all(
    items.map((item, index) =>
      queue.add(async () => {
        const started = Date.now();
        const label = `[${index + 1}/${total}]`;
        const base = empty(index + 1, 'skipped');
        if (stop || options.signal.aborted) {
          results.push({ ...base, reason: 'an earlier item failed' });
          options.say(`${label} skipped`);
          return;
        }
        const request: PackReleaseRequest = {
          type: item.type,
          source: item.source,
          group: item.group,
          outputDir: item.out ?? options.outputDir,
          meta: item.meta ?? {},
          ...(item.profile ? { profile: item.profile } : {}),
          ...(item.name ? { name: item.name } : {}),
          ...(item.volumeSize ? { volumeSize: item.volumeSize } : {}),
          ...(item.rarFormat ? { rarFormat: item.rarFormat } : {}),
          ...(item.sample ? { sample: true } : {}),
        };
        try {
          checkPackOptions(request);
          if (options.resume) {
            const plan = await packRelease(ctx, { ...request, dryRun: true });
            const dir = join(request.outputDir, plan.releaseName);
            if (
              (await stat(dir).catch(() => null)) &&
              (await validateReleaseDir(dir, { profile: plan.profile })).ok
            ) {
              results.push({
                ...base,
                releaseName: plan.releaseName,
                releaseDir: plan.releaseDir,
                reason: 'exists and validates',
              });
              options.say(`${label} ${plan.releaseName} exists and validates, skipped`);
              return;
            }
          }
          options.say(`${label} packing ${item.source}`);
          const done = await packRelease(ctx, request, { signal: options.signal });
          let result: BatchItemResult = {
            ...base,
            status: 'completed',
            releaseName: done.releaseName,
            releaseDir: done.releaseDir,
            size: done.files.reduce((n, f) => n + f.size, 0),
            volumes: done.volumes.length,
            findings: done.findings.length,
          };
          if (item.upload?.length) {
            options.say(`${label} uploading to ${item.upload.join(', ')}`);
            result = withUploads(result, await options.upload(done.releaseDir, item.upload));
            if (result.status === 'failed' && !options.continueOnError) stop = true;
          }
          results.push({ ...result, seconds: (Date.now() - started) / 1000 });
          options.say(`${label} ${result.status === 'completed' ? 'done' : 'failed'} ${done.releaseName}`);
        } catch (error) {
          if (!options.continueOnError) stop = true;
          const err = errorOf(error);
          results.push({ ...base, status: 'failed', seconds: (Date.now() - started) / 1000, error: err });
          options.say(`${label} failed: ${err.code}: ${err.message}`);
        }
      }),
    ),
  );
  return summarize(total, results);
}

/** The result of an item that ran as a job (`relpack batch --server`). */
export function itemFromJob(
  index: number,
  job: JobView,
  size: number | null,
  uploads: readonly JobView[] | null,
): BatchItemResult {
  const seconds =
    job.startedAt && job.finishedAt ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000 : 0;
  const packed: BatchItemResult = {
    index,
    status: job.status === 'completed' ? 'completed' : 'failed',
    releaseName: job.result?.releaseName ?? null,
    releaseDir: null,
    size,
    volumes: job.result?.volumeCount ?? null,
    findings: job.result?.findings?.length ?? 0,
    seconds,
    error: job.error,
  };
  return uploads ? withUploads(packed, uploads) : packed;
}

export const failedItem = (index: number, error: unknown): BatchItemResult => ({
  ...empty(index, 'failed'),
  error: errorOf(error),
});
