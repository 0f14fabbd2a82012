import type { RarWriteProgress } from '../app/index.js';
import { createByteProgress } from './byte-progress.js';

export interface ProgressReporter {
  update(progress: RarWriteProgress): void;
  stop(): void;
}

/** Writing RAR volumes: bytes of the whole set, the volume being written as the label. */
export function createProgressReporter(
  stream: NodeJS.WriteStream,
  enabled: boolean,
  now?: () => number,
): ProgressReporter {
  const bytes = createByteProgress(stream, { verb: 'writing', enabled, ...(now ? { now } : {}) });
  return {
    update: (p) =>
      bytes.update({
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
        label: `${p.volumeFileName} (${p.volumeIndex + 1}/${p.volumeCount})`,
      }),
    stop: () => bytes.stop(),
  };
}
