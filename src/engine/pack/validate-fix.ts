import { join } from 'node:path';
import type { FixKind } from '../naming/index.js';
import type { FindingCollector, RuleProfile } from '../rules/index.js';
import { checkNfoWidth } from './validate-ebook.js';
import type { DirectoryListing } from './validate-release.js';

/** A dirname as it would appear in an NFO: dotted words and a -GROUP suffix. */
const RELEASE_NAME = /[A-Za-z0-9][A-Za-z0-9._]*\.[A-Za-z0-9._]+-[A-Za-z0-9_]+/g;

/**
 * A fix release (facts §1.4, §2.3): one NFO and nothing else, and for a SAMPLEFIX the new sample
 * in the sample folder. An NFOFIX's or SAMPLEFIX's NFO names the release it fixes, which is its
 * own name without the fix tag; a DIRFIX's names the wrong dirname, which only the group knows,
 * so any other release name will do.
 */
export async function validateFixFiles(
  dir: string,
  listing: DirectoryListing,
  profile: RuleProfile,
  fix: { kind: FixKind; fixes: string; tag: string; releaseName: string },
  out: FindingCollector,
): Promise<void> {
  // A SAMPLEFIX holds the new sample in the profile's sample folder, and that alone besides the NFO.
  const sampleDir = fix.kind === 'sample' ? profile.packaging.sample?.dir : undefined;
  const nfos = listing.files.filter((f) => f.name.toLowerCase().endsWith('.nfo'));
  for (const file of listing.files.filter((f) => !nfos.includes(f))) {
    out.add(
      'release.fix-names-original',
      `${file.name}: a ${fix.tag} release holds only its NFO${sampleDir ? ` and ${sampleDir}/` : ''}`,
      file.name,
    );
  }
  for (const sub of listing.dirs) {
    if (sub.name === sampleDir && sub.files.length === 1 && sub.files[0]!.name.toLowerCase().endsWith('.mkv'))
      continue;
    out.add(
      'release.fix-names-original',
      sub.name === sampleDir
        ? `${sub.name}/ holds ${sub.files.length} file(s); a ${fix.tag} holds one .mkv sample there`
        : `${sub.name}/: a ${fix.tag} release holds only its NFO${sampleDir ? ` and ${sampleDir}/` : ''}`,
      sub.name,
    );
  }
  if (sampleDir && !listing.dirs.some((d) => d.name === sampleDir)) {
    out.add(
      'release.fix-names-original',
      `A ${fix.tag} holds the new sample in ${sampleDir}/; there is none`,
    );
  }
  if (nfos.length === 0) {
    out.add('release.nfo-missing', `A ${fix.tag} release is its NFO; there is none`);
    return;
  }
  if (nfos.length > 1) out.add('release.nfo-missing', `${nfos.length} NFOs; a release holds one`);
  const nfo = nfos[0]!;
  const text = await checkNfoWidth(join(dir, nfo.name), nfo.name, profile, out);
  if (text === null) return;
  const lower = text.toLowerCase();
  if (fix.kind !== 'dir' && !lower.includes(fix.fixes.toLowerCase())) {
    out.add(
      'release.fix-names-original',
      `${nfo.name} does not name ${fix.fixes}, the release it fixes`,
      nfo.name,
    );
  }
  if (fix.kind === 'dir') {
    const named = [...text.matchAll(RELEASE_NAME)]
      .map((m) => m[0])
      .filter((n) => n.toLowerCase() !== fix.releaseName.toLowerCase());
    if (named.length === 0) {
      out.add(
        'release.fix-names-original',
        `${nfo.name} does not name the dirname this ${fix.tag} corrects`,
        nfo.name,
      );
    }
  }
}
