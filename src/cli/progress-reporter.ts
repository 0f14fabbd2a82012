import cliProgress from 'cli-progress';
import type { RarWriteProgress } from '../app/index.js';

export interface ProgressReporter {
  update(progress: RarWriteProgress): void;
  stop(): void;
}

/** A bar on a TTY; on anything else one plain line per volume, so logs stay readable. */
export function createProgressReporter(stream: NodeJS.WriteStream, enabled: boolean): ProgressReporter {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (!stream.isTTY) {
    let lastVolume = -1;
    return {
      update(p) {
        if (p.volumeIndex === lastVolume) return;
        lastVolume = p.volumeIndex;
        stream.write(`writing ${p.volumeFileName} (${p.volumeIndex + 1}/${p.volumeCount})\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {percentage}% | {done}/{total} MiB | {speed} MiB/s | ETA {eta_formatted} | {volume}',
      noTTYOutput: false,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let isStarted = false;
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  return {
    update(p) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const payload = {
        done: mib(p.bytesDone),
        total: mib(p.bytesTotal),
        speed: (p.bytesDone / 2 ** 20 / seconds).toFixed(0),
        volume: p.volumeFileName,
      };
      if (!isStarted) {
        bar.start(Math.max(p.bytesTotal, 1), p.bytesDone, payload);
        isStarted = true;
      } else bar.update(p.bytesDone, payload);
    },
    stop() {
      if (isStarted) bar.stop();
    },
  };
}
