import { describe, expect, it } from 'vitest';
import {
  accuracyAxis,
  epochTickEvery,
  epochTicks,
  logAxis,
  logTicks,
  niceLinearAxis,
  positiveAxis,
  valueExtent,
} from './axisTicks';

describe('value axes', () => {
  it('finds the finite extent, positive values only for a log axis', () => {
    const series = { xs: [0, 1, 2, 3], ys: [0, 0.5, NaN, 4] };
    expect(valueExtent([series])).toEqual([0, 4]);
    expect(valueExtent([series], true)).toEqual([0.5, 4]);
    expect(valueExtent([{ xs: [], ys: [] }])).toBeNull();
  });

  it('rounds a linear axis out to a tick step and labels every step', () => {
    expect(niceLinearAxis(0, 0.06)).toEqual({ domain: [0, 0.06], ticks: [0, 0.02, 0.04, 0.06] });
    expect(niceLinearAxis(0, 3.6)).toEqual({ domain: [0, 4], ticks: [0, 1, 2, 3, 4] });
    expect(niceLinearAxis(0.8, 0.9).ticks).toEqual([0.8, 0.825, 0.85, 0.875, 0.9]);
    expect(niceLinearAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('never labels more than five ticks', () => {
    for (const max of [0.011, 0.37, 1.9, 7.3, 123, 9_999]) {
      const { domain, ticks } = niceLinearAxis(0, max);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(domain[1]).toBeGreaterThanOrEqual(max);
    }
  });

  it('ticks every decade inside a wide span, and 2× and 5× inside a narrow one', () => {
    expect(logTicks(1e-5, 10)).toEqual([1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    expect(logTicks(3e-5, 0.5)).toEqual([1e-4, 1e-3, 0.01, 0.1]);
    expect(logTicks(0.003, 0.04)).toEqual([0.005, 0.01, 0.02]);
  });

  it('spans whole decades on a log axis, with 2× and 5× ticks when that is few', () => {
    expect(logAxis(0.003, 0.4)).toEqual({ domain: [0.001, 1], ticks: [0.001, 0.01, 0.1, 1] });
    expect(logAxis(0.02, 0.08)).toEqual({ domain: [0.01, 0.1], ticks: [0.01, 0.02, 0.05, 0.1] });
  });

  it('starts a linear axis of positive values at zero', () => {
    const lr = { xs: [0, 1], ys: [0.01, 0.1] };
    expect(positiveAxis([lr], false).domain).toEqual([0, 0.1]);
    expect(positiveAxis([lr], true).domain).toEqual([0.01, 0.1]);
  });

  it('zooms the accuracy axis past the first steps when asked', () => {
    const train = { xs: [0, 100, 200, 300], ys: [0.1, 0.9, 0.975, 0.985] };
    expect(accuracyAxis([train]).domain).toEqual([0, 1]);
    expect(accuracyAxis([train], 200).domain).toEqual([0.97, 1]);
    expect(accuracyAxis([{ xs: [], ys: [] }]).domain).toEqual([0, 1]);
  });

  it('ticks whole epochs, thinned so at most seven fit', () => {
    expect(epochTicks(4 * 860, 860)).toEqual([0, 860, 1720, 2580, 3440]);
    const many = epochTicks(58 * 860, 860) ?? [];
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many.every((k) => k % (10 * 860) === 0)).toBe(true);
    expect(epochTicks(500, 860)).toBeUndefined();
  });
});

describe('tick generators on extreme input (an imported run, a link)', () => {
  const within = (ms: number, run: () => unknown) => {
    const started = performance.now();
    run();
    expect(performance.now() - started).toBeLessThan(ms);
  };

  it('give up on a zero or infinite log end instead of looping forever (item 4)', () => {
    for (const [lo, hi] of [
      [0, 10],
      [1e-5, Infinity],
      [-1, 1],
      [NaN, 1],
      [5e-324, 1e308],
    ]) {
      within(50, () => {
        const ticks = logTicks(lo, hi);
        expect(ticks.every(Number.isFinite)).toBe(true);
        const axis = logAxis(lo, hi);
        expect(axis.domain.every(Number.isFinite)).toBe(true);
      });
    }
  });

  it('give a plain axis for a non-finite linear extent', () => {
    for (const [lo, hi] of [
      [0, Infinity],
      [-Infinity, 1],
      [NaN, NaN],
      [-Number.MAX_VALUE, Number.MAX_VALUE],
    ]) {
      within(50, () => expect(niceLinearAxis(lo, hi).ticks.length).toBeLessThanOrEqual(5));
    }
  });

  it('space epoch ticks over an endless plan in bounded time (item 1)', () => {
    for (const n of [Infinity, NaN]) {
      within(50, () => {
        expect(epochTickEvery(n, 100)).toBeGreaterThan(0);
        expect(epochTicks(n, 100)).toBeUndefined();
      });
    }
    for (const n of [1e308, 1e300, 2 ** 60]) {
      within(50, () => expect(epochTicks(n, 100)?.length).toBeLessThanOrEqual(8));
    }
  });
});
