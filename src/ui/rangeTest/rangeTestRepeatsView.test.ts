import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import type { RecordedRangeTest } from '../series/rangeTestSnapshot';
import { repeatsView, spreadText } from './rangeTestRepeatsView';

interface SuggestionCase {
  name: string;
  numIt: number;
  lrs: number[];
  losses: number[];
  batchAccuracy?: number[];
}

const withAccuracy = loadGolden<SuggestionCase>('suggestions').find((c) => c.batchAccuracy);

/** K sweeps of the same LRs, each a golden curve shifted by a different rough wobble. */
function repeats(k: number): RecordedRangeTest[] {
  if (!withAccuracy?.batchAccuracy) throw new Error('a golden case with accuracy is needed');
  const { lrs, losses, batchAccuracy } = withAccuracy;
  return Array.from({ length: k }, (_, r) => ({
    lrs: Float64Array.from(lrs),
    losses: Float64Array.from(losses, (loss, i) => loss * (1 + 0.03 * Math.sin(i * (r + 1)))),
    accuracies: Float64Array.from(batchAccuracy),
    heldOutAccuracies: null,
  }));
}

const options = { beta: 0.98, divergeFactor: 4, choices: {} };

describe('repeated range tests, as the chart shows them', () => {
  it('gives a min–max band for three repeats and an interquartile one from five', () => {
    const numIt = withAccuracy?.numIt ?? 100;
    expect(repeatsView(repeats(3), { ...options, numIt }).loss.kind).toBe('minMax');
    expect(repeatsView(repeats(5), { ...options, numIt }).loss.kind).toBe('interquartile');
  });

  it('puts each suggestion median inside its interval and names the recommended one', () => {
    const numIt = withAccuracy?.numIt ?? 100;
    const view = repeatsView(repeats(3), { ...options, numIt });
    expect(view.intervals.length).toBeGreaterThan(0);
    for (const { spread } of view.intervals) {
      expect(spread.min).toBeLessThanOrEqual(spread.median);
      expect(spread.median).toBeLessThanOrEqual(spread.max);
    }
    expect(view.recommended?.id).toBe(
      view.intervals.find((i) => i.id === 'accuracy')?.id ?? 'valley',
    );
    expect(spreadText({ ...view.intervals[0].spread, ratio: 1.6 })).toBe('×1.6 between runs');
  });

  it('moves the intervals when an analysis choice changes', () => {
    const numIt = withAccuracy?.numIt ?? 100;
    const own = repeatsView(repeats(3), { ...options, numIt });
    const late = repeatsView(repeats(3), {
      ...options,
      numIt,
      choices: { skipEnd: Math.floor((withAccuracy?.lrs.length ?? 100) / 2) },
    });
    const medians = (view: typeof own) =>
      view.intervals.filter((i) => i.id !== 'accuracy').map((i) => i.spread.median);
    expect(medians(late)).not.toEqual(medians(own));
  });
});
