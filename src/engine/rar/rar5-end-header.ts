import { encodeRar5Block, Rar5HeaderType } from './rar5-block.js';
import { encodeVint } from './vint.js';

export const Rar5EndFlags = {
  /** the archive is a volume and not the last one */
  NOT_LAST_VOLUME: 0x0001,
} as const;

/** CRC (4) + size (1) + type (1) + flags (1) + end flags (1) */
export const RAR5_END_HEADER_SIZE = 8;

export function encodeRar5EndHeader(fields: { readonly isLastVolume: boolean }): Buffer {
  const endFlags = fields.isLastVolume ? 0 : Rar5EndFlags.NOT_LAST_VOLUME;
  return encodeRar5Block({ headerType: Rar5HeaderType.END, headerFlags: 0, body: encodeVint(endFlags) });
}
