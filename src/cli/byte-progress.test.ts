import { describe, expect, it } from 'vitest';
import { createByteProgress, formatBytes, formatEta } from './byte-progress.js';
import { createProgressReporter } from './progress-reporter.js';

const GiB = 2 ** 30;

/** A stream that records what is written; a TTY one answers the calls cli-progress makes. */
function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    columns: 160,
    write: (text: string) => {
      written.push(text);
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => written.join('') };
}

describe('byte progress', () => {
  it('formats sizes and times as people read them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(50_000_000)).toBe('47.7 MiB');
    expect(formatBytes(GiB)).toBe('1.0 GiB');
    expect(formatBytes(4 * GiB + 4321)).toBe('4.0 GiB');
    expect(formatEta(65)).toBe('1m 05s');
    expect(formatEta(Number.NaN)).toBe('?');
  });

  it('on a TTY, the bar shows the sizes, not the raw byte count (1073741824 MiB)', () => {
    const { stream, text } = fakeStream(true);
    let clock = 0;
    const reporter = createProgressReporter(stream, true, () => clock);
    clock = 1000;
    reporter.update({
      bytesDone: GiB / 2,
      bytesTotal: GiB,
      volumeIndex: 10,
      volumeCount: 22,
      volumeFileName: 'x.r09',
    });
    reporter.stop();
    expect(text()).toContain('512 MiB / 1.0 GiB');
    expect(text()).toContain('512 MiB/s');
    expect(text()).toContain('ETA 1s');
    expect(text()).toContain('x.r09 (11/22)');
    expect(text()).not.toContain('1073741824');
  });

  it('elsewhere, writes a plain line at most every few seconds, and when the label changes', () => {
    const { stream, text } = fakeStream(false);
    let clock = 0;
    const reporter = createByteProgress(stream, { verb: 'uploading', enabled: true, now: () => clock });
    // 1,000 updates over 9.99 s of the fake clock, the file changing once at 5 s.
    for (let i = 0; i < 1000; i++) {
      clock = i * 10;
      reporter.update({
        bytesDone: i * 1024 * 1024,
        bytesTotal: 1000 * 1024 * 1024,
        label: clock < 5000 ? 'a.rar' : 'a.r00',
      });
    }
    const lines = text().trimEnd().split('\n');
    expect(lines).toEqual([
      'uploading a.rar 0% 0 B / 1000 MiB, 0 B/s, ETA ?',
      'uploading a.r00 50% 500 MiB / 1000 MiB, 100 MiB/s, ETA 5s',
    ]);
  });

  it('says nothing when disabled', () => {
    const { stream, text } = fakeStream(false);
    const reporter = createByteProgress(stream, { verb: 'writing', enabled: false });
    reporter.update({ bytesDone: 1, bytesTotal: 2, label: 'x' });
    expect(text()).toBe('');
  });
});
