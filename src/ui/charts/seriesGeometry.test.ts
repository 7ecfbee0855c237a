import { describe, expect, it } from 'vitest';
import { dotsPath, linePath, nearestIndex } from './seriesGeometry';

/** A pixel scale that just doubles, so paths are easy to read. */
const double = (value: number) => value * 2;

describe('linePath', () => {
  it('joins the points and breaks the line at a missing value', () => {
    const path = linePath({ xs: [0, 1, 2, 3, 4], ys: [1, 2, NaN, 3, 4] }, double, double);
    expect(path).toBe('M0.0,2.0L2.0,4.0M6.0,6.0L8.0,8.0');
  });

  it('shows a lone point as a zero-length segment (a dot with round caps)', () => {
    expect(linePath({ xs: [0, 1, 2], ys: [1, Infinity, 3] }, double, double)).toBe(
      'M0.0,2.0h0M4.0,6.0h0',
    );
  });

  it('skips values the scale cannot place (a log axis and zero)', () => {
    const log = (value: number) => (value > 0 ? Math.log10(value) : undefined);
    expect(linePath({ xs: [1, 10, 100], ys: [0, 10, 100] }, log, log)).toBe('M1.0,1.0L2.0,2.0');
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x, at either end too', () => {
    const xs = [0, 10, 20, 30];
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('on a log axis, finds the nearest x as a ratio', () => {
    const lrs = [1e-3, 1e-2, 1e-1];
    // 4e-3 is nearer 1e-3 in value but nearer 1e-2 as a ratio (×2.5 against ×4).
    expect(nearestIndex(lrs, 4e-3)).toBe(0);
    expect(nearestIndex(lrs, 4e-3, 'log')).toBe(1);
    expect(nearestIndex(lrs, 2e-3, 'log')).toBe(0);
  });
});

describe('dotsPath', () => {
  it('draws a circle at each finite point and none at a missing one', () => {
    const path = dotsPath({ xs: [0, 1, 2], ys: [1, NaN, 2] }, double, double, 2);
    expect(path).toBe(
      'M-2.0,2.0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0M2.0,4.0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0',
    );
  });
});
