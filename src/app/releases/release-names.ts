import type { ReleaseKind, Repositories } from '../../db/index.js';
import { RelpackError } from '../../engine/index.js';
import { JobErrorCode } from '../jobs/job-state.js';

export interface NameClaim {
  /** The `beforeWrite` hook of a pack: records the name, or refuses it as a dupe. */
  readonly beforeWrite: (releaseName: string) => Promise<void>;
  /** Gives the name back when the job did not publish its release. */
  release(): Promise<void>;
}

/**
 * The dupe check of one job, as a site runs it on arrival: the name is recorded for this job
 * before anything is written, and refused when relpack produced it before (another job, any
 * case), unless an admin allowed the dupe when creating the job (audited there; logged here).
 */
export function nameClaim(
  deps: { repos: Repositories; clock: () => Date },
  job: { id: string; ownerId: string | null },
  kind: ReleaseKind,
  options: { allowDupe?: boolean; warn?: (message: string) => void } = {},
): NameClaim {
  let claimed: string | null = null;
  return {
    beforeWrite: async (releaseName) => {
      const holder = await deps.repos.releaseNames.claim(
        { name: releaseName, kind, jobId: job.id, userId: job.ownerId },
        deps.clock(),
      );
      if (holder.jobId === job.id) {
        claimed = releaseName;
        return;
      }
      if (options.allowDupe) {
        options.warn?.(`dupe allowed by an admin: ${dupeOf(releaseName, holder)}`);
        return;
      }
      throw dupeError(releaseName, holder);
    },
    release: async () => {
      if (claimed) await deps.repos.releaseNames.release(claimed, job.id);
      claimed = null;
    },
  };
}

/** Refuses a name known before the job is queued (given, or planned by a preview). */
export async function assertNotDupe(repos: Repositories, name: string, allowDupe: boolean): Promise<void> {
  const holder = await repos.releaseNames.find(name);
  if (holder && !allowDupe) throw dupeError(name, holder);
}

/** What a preview says of a name that would be refused as a dupe, or null. */
export async function dupeWarning(repos: Repositories, name: string): Promise<string | null> {
  const holder = await repos.releaseNames.find(name);
  return holder ? `${name} is a dupe: ${dupeOf(name, holder)}; only an admin may allow it` : null;
}

function dupeOf(name: string, holder: { name: string; jobId: string | null; createdAt: string }): string {
  const which = holder.name === name ? 'it' : `${holder.name} (the same name in other case)`;
  const when = holder.createdAt.slice(0, 19).replace('T', ' ');
  return `${which} was produced on ${when} UTC${holder.jobId ? ` by job ${holder.jobId}` : ''}`;
}

function dupeError(name: string, holder: { name: string; jobId: string | null; createdAt: string }) {
  return new RelpackError(
    JobErrorCode.RELEASE_DUPE,
    `${name} is a dupe: ${dupeOf(name, holder)}. Choose another name; only an admin may allow a dupe`,
    { name, jobId: holder.jobId, createdAt: holder.createdAt },
  );
}
