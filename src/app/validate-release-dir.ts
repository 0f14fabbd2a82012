import { readdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  getProfile,
  listProfiles,
  parseEbookName,
  parseEpisodeName,
  type RuleProfile,
  type ValidationReport,
  validateRelease,
} from '../engine/index.js';

/**
 * Validates a release directory. Without a profile it is guessed the way a site would sort
 * the release: ZIP disks are eBOOK; WEB/WEBRip names are WEB 2020; 720p and HR.PDTV are HD TV;
 * the rest SD TV.
 */
export async function validateReleaseDir(
  dir: string,
  options: { profile?: string; signal?: AbortSignal } = {},
): Promise<ValidationReport> {
  const path = resolve(dir);
  const profile = options.profile ? getProfile(options.profile) : await guessProfile(path);
  return validateRelease(path, profile, options.signal ? { signal: options.signal } : {});
}

export async function guessProfile(path: string): Promise<RuleProfile> {
  const entries = await readdir(path).catch(() => [] as string[]);
  // ZIP disks, or an eBOOK dirname (a fix release holds only its NFO).
  const ebook = getProfile('ebook-2022');
  if (entries.some((e) => e.toLowerCase().endsWith('.zip'))) return ebook;
  if (parseEbookName(ebook, basename(path)).section !== null) return ebook;
  const parsed = parseEpisodeName(getProfile('web-2020'), basename(path));
  if (parsed.format === 'WEB' || parsed.format === 'WEBRip') return getProfile('web-2020');
  if (parsed.resolution === '720p' || parsed.format === 'HR.PDTV') return getProfile('tv-720p-2016');
  return listProfiles().find((p) => p.id === 'tv-sd-2016')!;
}
