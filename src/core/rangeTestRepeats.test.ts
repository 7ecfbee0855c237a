import { describe, expect, it } from 'vitest';
import { bandAcrossRuns, quantile, suggestionSpread } from './rangeTestRepeats';

describe('quantiles', () => {
  it('interpolate between ranks as numpy does', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('the band across repeated range tests', () => {
  it('is min–max for fewer than five runs', () => {
    const band = bandAcrossRuns([
      [3, 2, 1],
      [5, 1, 2],
      [4, 3, 0],
    ]);
    expect(band.kind).toBe('minMax');
    expect(Array.from(band.median)).toEqual([4, 2, 1]);
    expect(Array.from(band.low)).toEqual([3, 1, 0]);
    expect(Array.from(band.high)).toEqual([5, 3, 2]);
  });

  it('is the interquartile range from five runs', () => {
    const band = bandAcrossRuns([[1], [2], [3], [4], [5]]);
    expect(band.kind).toBe('interquartile');
    expect([band.low[0], band.median[0], band.high[0]]).toEqual([2, 3, 4]);
  });

  it('summarises at each step only the runs that reached it, without non-finite values', () => {
    const band = bandAcrossRuns([
      [1, 2, 3, 4],
      [3, NaN],
      [5, 6, Infinity],
    ]);
    expect(Array.from(band.numRuns)).toEqual([3, 2, 1, 1]);
    expect(Array.from(band.median)).toEqual([3, 4, 3, 4]);
    expect(band.high[1]).toBe(6);
  });
});

describe('a suggestion across runs', () => {
  it('takes the median on the log scale and the spread as a ratio and in decades', () => {
    const spread = suggestionSpread([0.01, 0.1, 0.04]);
    expect(spread?.median).toBeCloseTo(0.04, 12);
    expect(spread?.ratio).toBeCloseTo(10, 12);
    expect(spread?.decades).toBeCloseTo(1, 12);
    expect(spread?.numRuns).toBe(3);
  });

  it('between two runs the median is their geometric mean', () => {
    expect(suggestionSpread([0.01, 1])?.median).toBeCloseTo(0.1, 12);
  });

  it('leaves out runs that gave nothing, and is null when none did', () => {
    expect(suggestionSpread([NaN, 0.5])?.numRuns).toBe(1);
    expect(suggestionSpread([])).toBeNull();
  });
});
