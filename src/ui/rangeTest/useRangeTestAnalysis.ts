import { useMemo } from 'react';
import { rangeTestSeries } from '../series/runSeries';
import { snapshotRangeTest, type RecordedRangeTest } from '../series/rangeTestSnapshot';
import { useAppStore } from '../store';
import { repeatsView, type RepeatsView } from './rangeTestRepeatsView';
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
  /** The median and band of a repeated test (null for one sweep, or one repeat shown alone). */
  repeated: RepeatsView | null;
} {
  const numPoints = useAppStore(() => rangeTestSeries.loss.length);
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const beta = useAppStore((state) => state.rangeTest.smoothing);
  const repeats = useAppStore((state) => state.rangeTest.repeats);
  const shownRepeatIdx = useAppStore((state) => state.rangeTest.shownRepeatIdx);
  const choices = useAppStore((state) => state.rangeTest.choices);
  const numIt = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).numIter,
  );
  const divergeFactor = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).divergeFactor,
  );
  const live = useMemo(() => snapshotRangeTest(numPoints), [numPoints]);
  const shown = running || shownRepeatIdx === null ? null : (repeats[shownRepeatIdx] ?? null);
  const recorded = shown ?? live;
  const picks = useMemo(
    () => (running ? NO_PICKS : pickLrs(recorded, numIt, choices)),
    [running, recorded, numIt, choices],
  );
  const curve = useMemo(
    () => shapeCurve(recorded, { beta, divergeFactor, learningStartsAt: picks.learningStartsAt }),
    [recorded, beta, divergeFactor, picks],
  );
  const repeated = useMemo(
    () =>
      running || shown || repeats.length < 2
        ? null
        : repeatsView(repeats, { beta, divergeFactor, numIt, choices }),
    [running, shown, repeats, beta, divergeFactor, numIt, choices],
  );
  return { recorded, picks, curve, repeated };
}
