import { rangeTestSeries } from './runSeries';

/** A recorded range test (one sweep): one entry per step. */
export interface RecordedRangeTest {
  lrs: Float64Array;
  losses: Float64Array;
  accuracies: Float64Array;
  /** Present when the test measured a held-out batch. */
  heldOutAccuracies: Float64Array | null;
}

/** Copies the first `numPoints` recorded steps (buffer views are invalidated as they grow). */
export function snapshotRangeTest(numPoints = rangeTestSeries.loss.length): RecordedRangeTest {
  const heldOut = rangeTestSeries.heldOutAccuracy.view().slice(0, numPoints);
  return {
    lrs: rangeTestSeries.lr.view().slice(0, numPoints),
    losses: rangeTestSeries.loss.view().slice(0, numPoints),
    accuracies: rangeTestSeries.accuracy.view().slice(0, numPoints),
    heldOutAccuracies: heldOut.some(Number.isFinite) ? heldOut : null,
  };
}
