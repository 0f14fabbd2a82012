// Covers: codec names an NFO prints for Matroska codec ids, and durations rounded before splitting.
import { describe, expect, it } from 'vitest';
import { codecName, formatDuration } from './codec-names.js';

describe('NFO media fields (issue #20)', () => {
  it('names codecs as people read them, and leaves an unknown id readable', () => {
    expect(codecName('V_MPEG4/ISO/AVC')).toBe('H.264');
    expect(codecName('V_MPEGH/ISO/HEVC')).toBe('H.265');
    expect(codecName('A_EAC3')).toBe('E-AC-3');
    expect(codecName('V_SOMETHING')).toBe('SOMETHING');
  });

  it('never prints 60 seconds', () => {
    expect(formatDuration(119.96)).toBe('2m 00s');
    expect(formatDuration(59.4)).toBe('0m 59s');
    expect(formatDuration(2640.5)).toBe('44m 01s');
  });
});
