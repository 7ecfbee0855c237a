import type { RangeTestEnd } from '../../worker/contract';
import { keepRangeTest } from '../runs/liveRuns';
import { snapshotRangeTest } from '../series/rangeTestSnapshot';
import { clearRangeTestSeries } from '../series/runSeries';
import { useAppStore } from '../store';

/**
 * Keeps the sweep that ended as a run; a finished one joins the repeats' band. Before the next
 * repeat the live series is cleared and the test gets a new run id; after the last (or a stop)
 * the test is done and the live series keeps the last sweep.
 */
export function endRangeTestSweep(event: RangeTestEnd): void {
  const store = useAppStore.getState();
  keepRangeTest(event);
  const { ranWith, repeats } = store.rangeTest;
  const finished = event.reason === 'stopped' ? repeats : [...repeats, snapshotRangeTest()];
  if (event.reason !== 'stopped' && event.repeatIdx + 1 < event.numRepeats && ranWith) {
    clearRangeTestSeries();
    store.setRangeTest({
      repeats: finished,
      ranWith: { ...ranWith, id: crypto.randomUUID(), startedAt: Date.now() },
    });
    return;
  }
  store.setRangeTest({ status: 'done', end: event, repeats: finished });
}
