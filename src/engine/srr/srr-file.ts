import type { RarBlockInfo, RarVolumeInfo } from '../rar/rar-volume-info.js';
import type { RarFormat } from '../rar/volume-naming.js';

/** A file kept whole inside the SRR (NFO, SFV, proof image). */
export interface SrrStoredFile {
  /** As stored: `/` between folders. */
  readonly name: string;
  readonly size: number;
  readonly data: Buffer;
}

/**
 * One block of a volume as the SRR keeps it. Rebuilding the volume is writing `raw`, then `copy.size`
 * bytes of the archived file `copy.name`, for every block in order.
 */
export interface SrrVolumeBlock {
  /** Written verbatim: the header, plus the data the SRR keeps (comments, padding). */
  readonly raw: Buffer;
  /** The parsed header; null for the marker and for padding. */
  readonly info: RarBlockInfo | null;
  /** Packed file data left out of the SRR. */
  readonly copy: { readonly name: string; readonly size: number } | null;
  /** Recovery-record data left out of the SRR (it cannot be copied from the media). */
  readonly removed: number;
}

export interface SrrVolume {
  /** The volume's file name as stored (`/` between folders). */
  readonly name: string;
  readonly format: RarFormat;
  readonly recoveryRemoved: boolean;
  readonly blocks: readonly SrrVolumeBlock[];
  /** The volume's size once rebuilt. */
  readonly size: number;
  /** What the volume's headers say, as the RAR reader reports it for a volume on disk. */
  readonly info: RarVolumeInfo;
}

/** A file inside the RAR set, from its parts' headers. */
export interface SrrArchivedFile {
  readonly name: string;
  readonly size: number;
  /** The whole file's CRC32, from its last part (null when no part has one). */
  readonly crc32: number | null;
  readonly stored: boolean;
  readonly directory: boolean;
  readonly encrypted: boolean;
  /** The volumes holding a part of it, in order. */
  readonly volumes: readonly string[];
}

export interface SrrOsoHash {
  readonly name: string;
  readonly size: number;
  /** 16 hex digits. */
  readonly hash: string;
}

export interface SrrFile {
  /** The SRR header's application name (null when the header has none). */
  readonly appName: string | null;
  readonly storedFiles: readonly SrrStoredFile[];
  readonly volumes: readonly SrrVolume[];
  readonly files: readonly SrrArchivedFile[];
  readonly osoHashes: readonly SrrOsoHash[];
  /** Blocks of types no SRR tool defines; skipped, as pyReScene does. */
  readonly unknownBlocks: number;
}
