import { describe, expect, it } from 'vitest';
import { formatRate } from '../format';
import type { RangeTestCurve, RangeTestPicks, RangeTestSuggestion } from './rangeTestAnalysis';
import { rangeTestSummary } from './rangeTestSummary';

const lrs = Float64Array.from({ length: 100 }, (_, i) => 1e-6 * 10 ** (i / 14));
const smoothed = Float64Array.from(lrs, (_, i) => 2.3 - Math.min(i, 70) * 0.03);
const curve = { numPoints: 100, numFinite: 100, smoothed, minIndex: 70 } as RangeTestCurve;

function suggestion(id: RangeTestSuggestion['id'], label: string, index: number) {
  return { id, label, explanation: '', lr: lrs[index], index };
}

describe('rangeTestSummary', () => {
  it('names the sweep, the loss minimum and every suggestion, the recommended first', () => {
    const steep = suggestion('steep', 'Steep', 40);
    const valley = suggestion('valley', 'Valley', 55);
    const picks: RangeTestPicks = {
      suggestions: [steep, valley],
      omitted: [],
      recommended: valley,
      learningStartsAt: null,
    };
    const text = rangeTestSummary(lrs, curve, picks);
    expect(text).toContain(`from ${formatRate(lrs[0])} to ${formatRate(lrs[99])} over 100 steps`);
    expect(text).toContain(`${smoothed[70].toFixed(2)} at LR ${formatRate(lrs[70])}`);
    expect(text).toContain(`Recommended: Valley ${formatRate(valley.lr)}`);
    expect(text).toContain(`Other suggestions: Steep ${formatRate(steep.lr)}`);
    expect(text.indexOf('Valley')).toBeLessThan(text.indexOf('Steep'));
  });

  it('says so before any step is recorded', () => {
    const picks: RangeTestPicks = {
      suggestions: [],
      omitted: [],
      recommended: null,
      learningStartsAt: null,
    };
    expect(rangeTestSummary([], curve, picks)).toMatch(/no range test/i);
  });
});
