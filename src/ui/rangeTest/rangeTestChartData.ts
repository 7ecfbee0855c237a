import { logTicks, niceLinearAxis, type ValueAxisSpec } from '../charts/axisTicks';
import { MAX_CHART_POINTS, minMaxIndices } from '../charts/downsample';
import { nearestIndex, type XYSeries } from '../charts/seriesGeometry';
import type { RangeTestCurve, RangeTestSuggestion } from './rangeTestAnalysis';
import type { RecordedRangeTest } from '../series/rangeTestSnapshot';

/** The range test's lines against LR, each downsampled on its own (min/max per bucket). */
export interface RangeTestLines {
  raw: XYSeries;
  smoothed: XYSeries;
  accuracy: XYSeries;
  smoothedAccuracy: XYSeries;
  heldOut: XYSeries | null;
}

/** One series against the LRs, keeping its spikes; steps where it is not finite are left out. */
function againstLr(lrs: Float64Array, values: ArrayLike<number>): XYSeries {
  const n = Math.min(lrs.length, values.length);
  const picked = minMaxIndices(values, MAX_CHART_POINTS, 0, n).filter((k) =>
    Number.isFinite(values[k]),
  );
  return {
    xs: Float64Array.from(picked, (k) => lrs[k]),
    ys: Float64Array.from(picked, (k) => values[k]),
  };
}

export function rangeTestLines(recorded: RecordedRangeTest, curve: RangeTestCurve): RangeTestLines {
  const { lrs } = recorded;
  return {
    raw: againstLr(lrs, recorded.losses),
    smoothed: againstLr(lrs, curve.smoothed),
    accuracy: againstLr(lrs, recorded.accuracies),
    smoothedAccuracy: againstLr(lrs, curve.smoothedAccuracy),
    heldOut: recorded.heldOutAccuracies ? againstLr(lrs, recorded.heldOutAccuracies) : null,
  };
}

/**
 * Where the loss axis must reach: the smoothed curve up to its minimum stays in view with some
 * room; raw spikes and the blow-up after the minimum run off the top.
 */
function lossReach(curve: RangeTestCurve): number {
  if (curve.minIndex === null) return 1;
  let top = 2 * curve.smoothed[curve.minIndex];
  for (let k = 0; k <= curve.minIndex; k++) top = Math.max(top, 1.2 * curve.smoothed[k]);
  return top > 0 ? top : 1;
}

/** The loss axis from 0, ending on a round tick above every curve's reach (at most 7 ticks). */
export function lossAxis(curves: readonly RangeTestCurve[]): ValueAxisSpec {
  return niceLinearAxis(0, Math.max(1e-9, ...curves.map(lossReach)), 7);
}

/** The LR axis's ticks: the log ticks inside the sweep, or none (recharts picks) if under two. */
export function lrTicks(domain: [number, number]): number[] | undefined {
  const ticks = logTicks(domain[0], domain[1]);
  return ticks.length >= 2 ? ticks : undefined;
}

/** Each suggestion's marker: at its LR, on the smoothed loss (or accuracy, for the knee). */
export function suggestionPoint(
  suggestion: RangeTestSuggestion,
  lrs: Float64Array,
  curve: RangeTestCurve,
): { x: number; y: number; onAccuracy: boolean } {
  const onAccuracy = suggestion.id === 'accuracy';
  const values = onAccuracy ? curve.smoothedAccuracy : curve.smoothed;
  return {
    x: suggestion.lr,
    y: values[nearestIndex(lrs, suggestion.lr, 'log')],
    onAccuracy,
  };
}
