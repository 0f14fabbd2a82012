import type { FileTime, RarFormat, RarVolumePlan } from '../rar/index.js';
import type { Finding, RuleProfile } from '../rules/index.js';
import type { ReleaseTextData, RenderedText } from '../text/index.js';
import type { SourceKind } from './source-type.js';

export type ArtifactKind = 'rar' | 'zip' | 'nfo' | 'diz' | 'sfv' | 'sample';

/** One file of a finished release, as jobs, the API and `--json` report it. */
export interface ManifestFile {
  readonly kind: ArtifactKind;
  /** Relative to the release directory, `/` separated. */
  readonly path: string;
  readonly size: number;
  /** 8 lower-case hex digits. */
  readonly crc32: string;
}

export interface PackProgress {
  readonly phase: 'download' | 'archive' | 'disks' | 'text' | 'sample' | 'validate' | 'done';
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly volumeIndex?: number;
  readonly volumeCount?: number;
  readonly currentFile?: string;
}

export interface PackSource {
  readonly path: string;
  readonly size: number;
  readonly mtime: FileTime;
  readonly kind: SourceKind;
}

/** Book, show and video facts for the text files; `release` is filled in by the plan. */
export type TextFacts = Omit<ReleaseTextData, 'release' | 'tool'> & { readonly notes?: string };

export interface PackCommonInput {
  readonly profile: RuleProfile;
  readonly source: PackSource;
  /** The final release name (built from metadata or given), checked against the profile by the plan. */
  readonly releaseName: string;
  readonly group: string;
  /** The release is created as `<outputDir>/<releaseName>/`. */
  readonly outputDir: string;
  /** Bytes per RAR volume; omitted: the smallest size the profile allows for this source. */
  readonly volumeSize?: number;
  readonly rarFormat?: RarFormat;
  readonly nfoTemplate: string;
  readonly facts: TextFacts;
  /** Release date written in the NFO and DIZ. */
  readonly date: Date;
  readonly tool: { readonly name: string; readonly version: string };
  /** Rule ids an admin has overridden: still reported, but they no longer stop the pack. */
  readonly overrides?: readonly string[];
  /**
   * Read every written volume back before publishing, as `relpack validate` and a site do. Off by
   * default: the writer computed every CRC as the bytes went out, and reading a gigabyte again
   * only to recompute them doubled the time of a pack; the headers are still read and checked.
   */
  readonly verify?: boolean;
}

export interface PackHooks {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: PackProgress) => void;
  /** fsync outputs (default true); tests may turn it off. */
  readonly durable?: boolean;
  /**
   * Called with the release's name once it is planned and before a byte is written: the caller
   * may refuse it (a dupe) by throwing, and nothing is written.
   */
  readonly beforeWrite?: (releaseName: string) => Promise<void>;
}

export interface PlannedText {
  readonly fileName: string;
  readonly rendered: RenderedText;
}

export interface PlanCommon {
  readonly profile: string;
  readonly releaseName: string;
  readonly releaseDir: string;
  readonly volumeSize: number;
  readonly rar: RarVolumePlan;
  /** Name of the content file inside the RAR set. */
  readonly innerFileName: string;
  readonly nfo: PlannedText;
  /** Name and text findings known before writing (the validator adds the rest after). */
  readonly findings: readonly Finding[];
}

export interface PackResult {
  readonly releaseName: string;
  readonly releaseDir: string;
  readonly profile: string;
  readonly files: readonly ManifestFile[];
  readonly findings: readonly Finding[];
}
