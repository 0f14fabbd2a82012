import type { RarFormat } from './volume-naming.js';

/** A block as found on disk; `headerCrcOk` compares the stored header CRC with the bytes. */
export interface RarBlockInfo {
  readonly kind: 'main' | 'file' | 'service' | 'end' | 'other';
  readonly rawType: number;
  readonly offset: number;
  readonly headerSize: number;
  readonly flags: number;
  readonly dataOffset: number;
  readonly dataSize: number;
  readonly headerCrcOk: boolean;
}

export interface RarFileBlockInfo extends RarBlockInfo {
  readonly kind: 'file' | 'service';
  readonly name: string;
  readonly unpackedSize: number;
  /** Part CRC when split after, else the whole file's CRC (null if the header has none). */
  readonly dataCrc: number | null;
  readonly isSplitBefore: boolean;
  readonly isSplitAfter: boolean;
  readonly isDirectory: boolean;
  readonly isEncrypted: boolean;
  readonly isStored: boolean;
  readonly hostOs: number;
  readonly attributes: number;
  readonly mtime: Date | null;
  /** RAR4 UNP_VER / RAR5 algorithm version */
  readonly version: number;
  /** RAR4 METHOD byte (0x30 store) / RAR5 method (0 store) */
  readonly method: number;
}

export interface RarEndInfo {
  readonly offset: number;
  readonly isLastVolume: boolean;
  /** RAR4 EARC_DATACRC: CRC32 of the volume before the end block */
  readonly dataCrc: number | null;
  readonly volumeNumber: number | null;
}

export interface RarVolumeInfo {
  readonly path: string;
  readonly format: RarFormat;
  readonly size: number;
  readonly isVolume: boolean;
  /** RAR4 MHD_FIRSTVOLUME, RAR5 volume number 0 (null when the archive does not say) */
  readonly isFirstVolume: boolean | null;
  readonly isNewNumbering: boolean;
  /** RAR5 main header volume number, RAR4 ENDARC VOLNUMBER (0-based) */
  readonly volumeNumber: number | null;
  readonly isSolid: boolean;
  readonly isLocked: boolean;
  readonly hasRecoveryRecord: boolean;
  readonly hasAuthenticity: boolean;
  readonly hasEncryptedHeaders: boolean;
  readonly blocks: readonly RarBlockInfo[];
  readonly files: readonly RarFileBlockInfo[];
  readonly services: readonly RarFileBlockInfo[];
  readonly end: RarEndInfo | null;
}
