import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sourceErrorFromFs } from '../../engine/fs/index.js';
import { discoverRarSet, volumeIndexFromName } from '../../engine/rar/index.js';
import { SrrError, SrrErrorCode } from '../../engine/srr/index.js';

export interface ReleaseParts {
  readonly volumes: readonly { readonly name: string; readonly path: string }[];
  readonly storedFiles: readonly { readonly name: string; readonly path: string }[];
}

/** Files an SRR keeps whole, as srrDB's tools pick them: the NFO, the SFV, and proof images. */
const STORED_AT_TOP = /\.(nfo|sfv)$/i;
const PROOF_DIR = /^proof$/i;

/**
 * The RAR set of a scene release folder and the small files an SRR stores with it. A folder
 * with more than one first volume is refused: an SRR describes one set.
 */
export async function releaseParts(dir: string): Promise<ReleaseParts> {
  const root = resolve(dir);
  const entries = await readdir(root, { withFileTypes: true }).catch((error) => {
    throw sourceErrorFromFs(error, root);
  });
  const firsts = entries.filter((e) => e.isFile() && volumeIndexFromName(e.name)?.index === 0);
  if (firsts.length === 0) {
    const hasDisks = entries.some((e) => e.isFile() && e.name.toLowerCase().endsWith('.zip'));
    throw new SrrError(
      SrrErrorCode.NO_VOLUMES,
      hasDisks
        ? `${root} holds ZIP disks; an SRR of an eBook release is not supported (docs/srr.md says why)`
        : `${root} holds no RAR volumes (.rar, .r00 … or .part1.rar …)`,
      { path: root },
    );
  }
  if (firsts.length > 1) {
    throw new SrrError(
      SrrErrorCode.NO_VOLUMES,
      `${root} holds ${firsts.length} RAR sets (${firsts.map((e) => e.name).join(', ')}); an SRR describes one`,
      { path: root, sets: firsts.map((e) => e.name) },
    );
  }
  const set = await discoverRarSet(join(root, firsts[0]!.name));
  const volumes = set.map((v) => ({ name: v.path.slice(root.length + 1), path: v.path }));
  const stored = entries
    .filter((e) => e.isFile() && STORED_AT_TOP.test(e.name))
    .map((e) => ({ name: e.name, path: join(root, e.name) }));
  for (const proof of entries.filter((e) => e.isDirectory() && PROOF_DIR.test(e.name))) {
    const inside = await readdir(join(root, proof.name), { withFileTypes: true });
    for (const file of inside.filter((e) => e.isFile())) {
      stored.push({ name: `${proof.name}/${file.name}`, path: join(root, proof.name, file.name) });
    }
  }
  return { volumes, storedFiles: stored.sort((a, b) => a.name.localeCompare(b.name)) };
}
