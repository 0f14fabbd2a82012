import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long synchronous file-system work may hold the event loop before giving it a turn. */
export const SLICE_MS = 4;

/**
 * Lets a loop of small synchronous file calls (stat, open, read of a 4 KiB file: ~10 µs each, where
 * the same call through the thread pool costs 50–100 µs) run in slices: a server packing in the same
 * process still answers within a few milliseconds, whatever the number of files.
 */
export class TimeSlice {
  private started: number;

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** True once the slice's time is used up. */
  get spent(): boolean {
    return this.now() - this.started >= this.budgetMs;
  }

  /** Gives the event loop a turn when the slice is used up, and starts a new one. */
  async yieldIfSpent(): Promise<void> {
    if (!this.spent) return;
    await nextTurn();
    this.started = this.now();
  }
}
