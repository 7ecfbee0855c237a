import { describe, expect, it } from 'vitest';
import { needsRecentre, windowAround } from './sliderWindow';

describe('the fine slider window', () => {
  it('covers the decades asked for around the value', () => {
    expect(windowAround(-2, 2, 1e-6, 10)).toEqual({ lo: -3, hi: -1 });
  });

  it('stays inside the field range near its ends', () => {
    expect(windowAround(0.9, 2, 1e-6, 10)).toEqual({ lo: -1, hi: 1 });
    expect(windowAround(-5.8, 2, 1e-6, 10)).toEqual({ lo: -6, hi: -4 });
  });

  it('is the whole range when that is narrower than the window', () => {
    expect(windowAround(0, 2, 0.5, 2)).toEqual({ lo: Math.log10(0.5), hi: Math.log10(2) });
  });

  it('moves when a value lands outside it, not while a drag is under way', () => {
    const around = windowAround(-2, 2, 1e-6, 10);
    expect(needsRecentre(0.5, around, false, 1e-6, 10)).toBe(true);
    // Near the top end: keep still during the drag, recentre once it is over.
    expect(needsRecentre(0.095, around, false, 1e-6, 10)).toBe(false);
    expect(needsRecentre(0.095, around, true, 1e-6, 10)).toBe(true);
    expect(needsRecentre(0.01, around, true, 1e-6, 10)).toBe(false);
  });

  it('does not move at an end of the field range (there is nothing beyond)', () => {
    const top = windowAround(1, 2, 1e-6, 10);
    expect(needsRecentre(9.9, top, true, 1e-6, 10)).toBe(false);
  });
});
