import type { UploadProgress } from './upload-release.js';

/** Bytes settled and in flight per file, reported at most every 250 ms (always at the end of a file). */
export class UploadProgressTracker {
  private settled = 0;
  private readonly inFlight = new Map<string, number>();
  private sent = 0;
  private lastReport = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly onProgress?: (p: UploadProgress) => void,
  ) {}

  get bytesSent(): number {
    return this.sent;
  }

  /** A file (re)starts at `offset`: bytes before it are already on the server. */
  begin(path: string, offset: number): void {
    this.inFlight.set(path, offset);
  }

  add(path: string, bytes: number): void {
    this.inFlight.set(path, (this.inFlight.get(path) ?? 0) + bytes);
    this.sent += bytes;
    this.report();
  }

  finish(path: string, size: number): void {
    this.inFlight.delete(path);
    this.settled += size;
    this.report(true);
  }

  /** A failed attempt: what was in flight is re-read from the server next time. */
  reset(): void {
    this.inFlight.clear();
  }

  report(force = false): void {
    const now = Date.now();
    if (!this.onProgress || (!force && now - this.lastReport < 250)) return;
    this.lastReport = now;
    let flying = 0;
    for (const n of this.inFlight.values()) flying += n;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    this.onProgress({
      bytesDone: Math.min(this.total, this.settled + flying),
      bytesTotal: this.total,
      currentFile: [...this.inFlight.keys()][0] ?? null,
      bytesPerSecond: Math.round(this.sent / seconds),
    });
  }
}
