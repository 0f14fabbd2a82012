// Covers: TimeSlice gives the event loop a turn exactly when its budget is used, on a fake clock.
import { describe, expect, it } from 'vitest';
import { TimeSlice } from './time-slice.js';

describe('TimeSlice', () => {
  it('lets other work run only once the budget is spent, then starts a new slice', async () => {
    let clock = 0;
    const slice = new TimeSlice(4, () => clock);
    let turns = 0;
    const other = setImmediate(function count() {
      turns++;
    });
    clock = 3;
    await slice.yieldIfSpent();
    expect(turns).toBe(0);
    expect(slice.spent).toBe(false);
    clock = 4;
    expect(slice.spent).toBe(true);
    await slice.yieldIfSpent();
    // The immediate queued before it ran: the loop had its turn.
    expect(turns).toBe(1);
    expect(slice.spent).toBe(false);
    clock = 7;
    expect(slice.spent).toBe(false);
    clearImmediate(other);
  });
});
