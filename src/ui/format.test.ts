import { describe, expect, it } from 'vitest';
import { formatStartedAt, formatWallTime } from './format';

describe('how kept runs show imported extremes', () => {
  it('shows a start time no calendar holds as an unknown date, not "Invalid Date"', () => {
    expect(formatStartedAt(1e300)).toBe('an unknown date');
    expect(formatStartedAt(NaN)).toBe('an unknown date');
    expect(formatStartedAt(Date.UTC(2026, 11, 2, 9, 30))).toMatch(/2026/);
  });

  it('shows wall times in units a person reads, never "1e+305 s"', () => {
    expect(formatWallTime(12_345)).toBe('12.3 s');
    expect(formatWallTime(5 * 60_000)).toBe('5.0 min');
    expect(formatWallTime(3 * 3_600_000)).toBe('3.0 h');
    expect(formatWallTime(12 * 86_400_000)).toBe('12 days');
    expect(formatWallTime(1e308)).toBe('over 1,000 days');
    expect(formatWallTime(Infinity)).toBe('unknown time');
  });
});
