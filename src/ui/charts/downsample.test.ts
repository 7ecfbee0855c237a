import { describe, expect, it } from 'vitest';
import { minMaxIndices, sampleSteps } from './downsample';

describe('minMaxIndices', () => {
  it('keeps every point when they fit', () => {
    expect(minMaxIndices([3, 1, 2], 10)).toEqual([0, 1, 2]);
  });

  it('draws 50,000 points with at most the budget and keeps the spikes', () => {
    const values = Float64Array.from({ length: 50_000 }, (_, i) => Math.sin(i / 50));
    values[12_345] = 40;
    values[33_333] = -40;
    const picked = minMaxIndices(values, 1500);
    expect(picked.length).toBeLessThanOrEqual(1500);
    expect(picked).toContain(12_345);
    expect(picked).toContain(33_333);
    for (let i = 1; i < picked.length; i++) expect(picked[i]).toBeGreaterThan(picked[i - 1]);
  });

  it('skips NaN and infinite values when picking extremes', () => {
    const values = [1, NaN, Infinity, 0.5, 2, 3, -Infinity, 4];
    const picked = minMaxIndices(values, 4);
    for (const i of picked) expect(Number.isFinite(values[i]) || i === 0).toBe(true);
  });
});

describe('sampleSteps', () => {
  it('draws 50,000 steps with at most 1,500 points, keeping spikes and reading every column there', () => {
    const loss = Float64Array.from({ length: 50_000 }, (_, k) => 1 + Math.sin(k / 40));
    loss[31_415] = 50;
    const smoothed = Float64Array.from(loss, (_, k) => k);
    const { xs, ys } = sampleSteps({ loss, smoothed }, 'loss', 1500);
    expect(xs.length).toBeLessThanOrEqual(1500);
    expect(xs).toContain(31_415);
    expect(ys.loss).toBeInstanceOf(Float64Array);
    xs.forEach((k, i) => {
      expect(ys.loss[i]).toBe(loss[k]);
      expect(ys.smoothed[i]).toBe(k);
    });
  });
});
