import { useMemo } from 'react';
import { rangeTestSeries } from '../series/runSeries';
import { snapshotRangeTest, type RecordedRangeTest } from '../series/rangeTestSnapshot';
import { useAppStore } from '../store';
import { pickLrs, shapeCurve, type RangeTestCurve, type RangeTestPicks } from './rangeTestAnalysis';

/** What a running test shows: its picks move with every step, so none are offered yet. */
const NO_PICKS: RangeTestPicks = {
  suggestions: [],
  omitted: [],
  recommended: null,
  learningStartsAt: null,
};

/**
 * The recorded range test, its picks and its drawn curve. The length selector re-reads the
 * buffer on every store update (seriesVersion bumps), so this re-renders only when the test
 * grows. Picks wait for the test to end; the curve re-smooths at once when Smoothing moves.
 * The sweep's own settings come from what the test ran with (the live ones before any test).
 */
export function useRangeTestAnalysis(): {
  recorded: RecordedRangeTest;
  picks: RangeTestPicks;
  curve: RangeTestCurve;
} {
  const numPoints = useAppStore(() => rangeTestSeries.loss.length);
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const beta = useAppStore((state) => state.rangeTest.smoothing);
  const numIt = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).numIter,
  );
  const divergeFactor = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).divergeFactor,
  );
  const recorded = useMemo(() => snapshotRangeTest(numPoints), [numPoints]);
  const picks = useMemo(
    () => (running ? NO_PICKS : pickLrs(recorded, numIt)),
    [running, recorded, numIt],
  );
  const curve = useMemo(
    () => shapeCurve(recorded, { beta, divergeFactor, learningStartsAt: picks.learningStartsAt }),
    [recorded, beta, divergeFactor, picks],
  );
  return { recorded, picks, curve };
}
