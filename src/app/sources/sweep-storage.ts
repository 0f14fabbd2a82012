import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobsRepository } from '../../db/index.js';

export interface SweepStorageDeps {
  readonly uploadsDir: string;
  readonly downloadsDir: string;
  readonly jobs: JobsRepository;
  readonly clock: () => Date;
  /** Uploads untouched for this long are removed (0: never). */
  readonly uploadRetentionDays: number;
  /** Partial downloads of jobs that failed or were cancelled this long ago are removed (0: never). */
  readonly downloadRetentionDays: number;
}

export interface SweepResult {
  readonly uploadsRemoved: number;
  readonly downloadsRemoved: number;
}

const DAY_MS = 86_400_000;

/**
 * Storage retention: uploads (one folder per upload, under its uploader's folder) not touched for
 * the retention time, and the kept-for-resume downloads of jobs that ended failed or cancelled
 * long enough ago (or whose job is gone). A download of a job still pending, running or retried
 * is never removed.
 */
export async function sweepStorage(deps: SweepStorageDeps): Promise<SweepResult> {
  const now = deps.clock().getTime();
  let uploadsRemoved = 0;
  let downloadsRemoved = 0;
  if (deps.uploadRetentionDays > 0) {
    const before = now - deps.uploadRetentionDays * DAY_MS;
    for (const user of await entries(deps.uploadsDir)) {
      for (const upload of await entries(join(deps.uploadsDir, user))) {
        const path = join(deps.uploadsDir, user, upload);
        const info = await stat(path).catch(() => null);
        if (info && info.mtimeMs < before) {
          await rm(path, { recursive: true, force: true });
          uploadsRemoved++;
        }
      }
    }
  }
  if (deps.downloadRetentionDays > 0) {
    const before = now - deps.downloadRetentionDays * DAY_MS;
    for (const jobId of await entries(deps.downloadsDir)) {
      const job = await deps.jobs.findById(jobId).catch(() => null);
      const ended = job && (job.status === 'failed' || job.status === 'cancelled') && job.finishedAt;
      const stale = job === null || (ended && Date.parse(job.finishedAt!) < before);
      if (stale) {
        await rm(join(deps.downloadsDir, jobId), { recursive: true, force: true });
        downloadsRemoved++;
      }
    }
  }
  return { uploadsRemoved, downloadsRemoved };
}

/** Bytes a user's uploads take now (their folder, recursively). */
export async function uploadedBytes(userDir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(userDir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const info = await stat(join(entry.parentPath, entry.name)).catch(() => null);
    total += info?.size ?? 0;
  }
  return total;
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}
