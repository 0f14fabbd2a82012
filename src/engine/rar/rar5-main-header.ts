import { encodeRar5Block, Rar5HeaderType } from './rar5-block.js';
import { encodeVint } from './vint.js';

export const Rar5ArchiveFlags = {
  VOLUME: 0x0001,
  /** Volume number field present: every volume but the first */
  VOLUME_NUMBER: 0x0002,
  SOLID: 0x0004,
  RECOVERY: 0x0008,
  LOCKED: 0x0010,
} as const;

export interface Rar5MainHeader {
  readonly archiveFlags: number;
  /** 0-based; written only when archiveFlags has VOLUME_NUMBER (the first volume has no field) */
  readonly volumeNumber: number;
}

export function encodeRar5MainHeader(fields: Rar5MainHeader): Buffer {
  const body = [encodeVint(fields.archiveFlags)]; // Archive flags
  if (fields.archiveFlags & Rar5ArchiveFlags.VOLUME_NUMBER) body.push(encodeVint(fields.volumeNumber)); // Volume number
  return encodeRar5Block({ headerType: Rar5HeaderType.MAIN, headerFlags: 0, body: Buffer.concat(body) });
}
