import { parseSfv } from '../../engine/checksum/index.js';
import type { RarFormat } from '../../engine/rar/index.js';
import type { SrrFile } from '../../engine/srr/index.js';

/** What `relpack srr show` prints and the API answers: an SRR's contents, names as stored. */
export interface SrrSummary {
  readonly application: string | null;
  readonly format: RarFormat | null;
  readonly storedFiles: readonly { readonly name: string; readonly size: number }[];
  /** `crc32` is the stored SFV's (null when no stored SFV lists the volume). */
  readonly volumes: readonly {
    readonly name: string;
    readonly size: number;
    readonly crc32: string | null;
  }[];
  readonly files: readonly {
    readonly name: string;
    readonly size: number;
    readonly crc32: string | null;
    readonly stored: boolean;
  }[];
  readonly osoHashes: readonly { readonly name: string; readonly size: number; readonly hash: string }[];
  /** Why `srr rebuild` would refuse whatever the source (null when it can rebuild). */
  readonly notRebuildable: string | null;
}

export function summarizeSrr(srr: SrrFile): SrrSummary {
  const sfv = new Map<string, number>();
  for (const file of srr.storedFiles.filter((f) => /\.sfv$/i.test(f.name))) {
    for (const entry of parseSfv(file.data.toString('latin1')).entries)
      sfv.set(entry.name.toLowerCase(), entry.crc32);
  }
  const volumeCrc = (name: string) => {
    const crc = sfv.get(name.slice(name.lastIndexOf('/') + 1).toLowerCase());
    return crc === undefined ? null : hex(crc);
  };
  return {
    application: srr.appName,
    format: srr.volumes[0]?.format ?? null,
    storedFiles: srr.storedFiles.map((f) => ({ name: f.name, size: f.size })),
    volumes: srr.volumes.map((v) => ({ name: v.name, size: v.size, crc32: volumeCrc(v.name) })),
    files: srr.files.map((f) => ({
      name: f.name,
      size: f.size,
      crc32: f.crc32 === null ? null : hex(f.crc32),
      stored: f.stored,
    })),
    osoHashes: srr.osoHashes.map((h) => ({ name: h.name, size: h.size, hash: h.hash })),
    notRebuildable: notRebuildable(srr),
  };
}

function notRebuildable(srr: SrrFile): string | null {
  if (srr.volumes.length === 0) return 'the SRR stores no RAR volumes';
  const compressed = srr.files.filter((f) => !f.stored && !f.directory);
  if (compressed.length > 0) return `compressed files (${compressed.map((f) => f.name).join(', ')})`;
  if (srr.files.some((f) => f.encrypted)) return 'encrypted files';
  if (srr.volumes.some((v) => v.blocks.some((b) => b.removed > 0))) return 'a recovery record';
  return null;
}

function hex(crc: number): string {
  return (crc >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
