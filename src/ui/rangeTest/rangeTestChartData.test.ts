import { describe, expect, it } from 'vitest';
import { shapeCurve } from './rangeTestAnalysis';
import { lossAxis, lrTicks, rangeTestLines, suggestionPoint } from './rangeTestChartData';

/** An exponential sweep over `n` steps from 1e-5 to 1. */
function sweep(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => 1e-5 * 1e5 ** (k / (n - 1)));
}

const n = 60;
const lrs = sweep(n);
// Flat at 2.3, down to 1.5 at step 40, then blowing up to 50.
const losses = Float64Array.from({ length: n }, (_, k) =>
  k < 20 ? 2.3 : k <= 40 ? 2.3 - (0.8 * (k - 20)) / 20 : 1.5 * 1.3 ** (k - 40),
);
const accuracies = Float64Array.from({ length: n }, () => 0.5);
const recorded = { lrs, losses, accuracies, heldOutAccuracies: null };
const curve = shapeCurve(recorded, { beta: 0, divergeFactor: 1000, learningStartsAt: null });

describe('the range-test chart', () => {
  it('keeps the loss in view up to its minimum and lets the blow-up run off the top', () => {
    // Twice the minimum (3) is above 1.2 × the plateau (2.76): the axis ends on the tick at 3.
    expect(lossAxis([curve])).toEqual({ domain: [0, 3], ticks: [0, 0.5, 1, 1.5, 2, 2.5, 3] });
  });

  it('ticks the LR axis at each decade of the sweep', () => {
    expect(lrTicks([1e-5, 1])).toEqual([1e-5, 1e-4, 1e-3, 0.01, 0.1, 1]);
  });

  it('draws every series against the LR, leaving out steps that are not finite', () => {
    const withNaN = {
      ...recorded,
      losses: Float64Array.from(losses, (v, k) => (k === 5 ? NaN : v)),
    };
    const lines = rangeTestLines(withNaN, curve);
    expect(lines.raw.xs.length).toBe(n - 1);
    expect(Array.from(lines.raw.xs)).not.toContain(lrs[5]);
    expect(lines.smoothed.ys[40]).toBe(curve.smoothed[40]);
    expect(lines.heldOut).toBeNull();
  });

  it('puts a suggestion marker on the smoothed loss at the step nearest its LR', () => {
    const suggestion = {
      id: 'minimum',
      label: '',
      explanation: '',
      lr: lrs[40] / 10,
      index: 40,
    } as const;
    // A decade is 59 / 5 = 11.8 steps of this sweep: a tenth of lrs[40] sits at step 28.2.
    const point = suggestionPoint(suggestion, lrs, curve);
    expect(point).toEqual({ x: lrs[40] / 10, y: curve.smoothed[28], onAccuracy: false });
  });
});
