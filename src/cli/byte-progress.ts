import cliProgress from 'cli-progress';

export interface ByteProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** What is being worked on: a volume, a file being sent. */
  readonly label: string;
}

export interface ByteProgressReporter {
  update(progress: ByteProgress): void;
  stop(): void;
}

export interface ByteProgressOptions {
  /** The first word of each line: writing, uploading, downloading. */
  readonly verb: string;
  readonly enabled: boolean;
  /** Milliseconds since some start; tests pass a fake clock. */
  readonly now?: () => number;
}

/** A plain line at most this often (and when the label changes), so logs stay readable. */
export const PLAIN_LINE_MS = 5000;

/** `512 MiB`, `1.5 GiB`: sizes as people read them (binary units, as the bytes are counted). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 || value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** `1m 05s`, `12s`, or `?` before the speed is known. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Bytes done of a total on stderr: a bar with sizes, speed and ETA on a TTY; elsewhere one plain
 * line every few seconds. The bar's tokens are our own (cli-progress's `{total}` would print the
 * raw byte count).
 */
export function createByteProgress(
  stream: NodeJS.WriteStream,
  options: ByteProgressOptions,
): ByteProgressReporter {
  if (!options.enabled) return { update: () => undefined, stop: () => undefined };
  const now = options.now ?? Date.now;
  const started = now();
  const facts = (p: ByteProgress) => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const speed = p.bytesDone / seconds;
    return {
      sizes: `${formatBytes(p.bytesDone)} / ${formatBytes(p.bytesTotal)}`,
      speed: `${formatBytes(speed)}/s`,
      eta: formatEta(speed > 0 ? (p.bytesTotal - p.bytesDone) / speed : Number.NaN),
      percent: p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0,
    };
  };
  if (!stream.isTTY) {
    let lastLine = Number.NEGATIVE_INFINITY;
    let lastLabel: string | null = null;
    return {
      update(p) {
        const at = now();
        if (p.label === lastLabel && at - lastLine < PLAIN_LINE_MS) return;
        lastLine = at;
        lastLabel = p.label;
        const f = facts(p);
        stream.write(
          `${[options.verb, p.label, `${f.percent}%`].filter(Boolean).join(' ')} ${f.sizes}, ${f.speed}, ETA ${f.eta}\n`,
        );
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${options.verb} {bar} {percentage}% | {sizes} | {speed} | ETA {etaText} | {label}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let isStarted = false;
  return {
    update(p) {
      const f = facts(p);
      const payload = { sizes: f.sizes, speed: f.speed, etaText: f.eta, label: p.label };
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
