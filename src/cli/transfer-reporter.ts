import cliProgress from 'cli-progress';

export interface TransferProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The file being sent or fetched. */
  readonly label: string;
}

export interface TransferReporter {
  update(progress: TransferProgress): void;
  stop(): void;
}

const PLAIN_LINE_MS = 5000;
const mib = (n: number) => (n / 2 ** 20).toFixed(1);

/**
 * Uploads and downloads on stderr: a bar with bytes, speed and ETA on a TTY; elsewhere a plain
 * line every five seconds (and when the file changes), so logs stay readable.
 */
export function createTransferReporter(
  stream: NodeJS.WriteStream,
  enabled: boolean,
  verb: 'uploading' | 'downloading',
): TransferReporter {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const speed = (done: number) => done / 2 ** 20 / Math.max((Date.now() - started) / 1000, 0.001);
  if (!stream.isTTY) {
    let lastLine = 0;
    let lastLabel = '';
    return {
      update(p) {
        const now = Date.now();
        if (p.label === lastLabel && now - lastLine < PLAIN_LINE_MS) return;
        lastLine = now;
        lastLabel = p.label;
        const total = p.bytesTotal > 0 ? `/${mib(p.bytesTotal)}` : '';
        stream.write(
          `${verb}${p.label ? ` ${p.label}` : ''} ${mib(p.bytesDone)}${total} MiB ${speed(p.bytesDone).toFixed(1)} MiB/s\n`,
        );
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${verb} {bar} {percentage}% | {done}/{total} MiB | {speed} MiB/s | ETA {eta_formatted} | {label}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  return {
    update(p) {
      const payload = {
        done: mib(p.bytesDone),
        total: mib(p.bytesTotal),
        speed: speed(p.bytesDone).toFixed(1),
        label: p.label,
      };
      if (!isStarted) {
        bar.start(Math.max(p.bytesTotal, 1), p.bytesDone, payload);
        isStarted = true;
      } else {
        bar.setTotal(Math.max(p.bytesTotal, 1));
        bar.update(p.bytesDone, payload);
      }
    },
    stop() {
      if (isStarted) bar.stop();
    },
  };
}
