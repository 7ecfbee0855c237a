import { keepRangeTest, keepTrainingRun } from '../runs/liveRuns';
import { useAppStore } from '../store';
import { trainingActive } from '../store/selectors';

/**
 * What a dead engine leaves behind, put right at once: the partial runs are kept with exactly
 * the steps the page had shown, and every run-level state (range test, training, race) ends,
 * so the buttons work again after Restart engine. The calls that were in flight reject
 * afterwards and find their run already ended.
 */
export function unwindAfterCrash(why: string): void {
  const store = useAppStore.getState();
  if (store.rangeTest.status === 'running') {
    keepRangeTest({ reason: 'crashed', message: why });
    store.setRangeTest({ status: 'done' });
  }
  if (trainingActive(store)) {
    keepTrainingRun({ reason: 'crashed', message: why });
    store.setTraining({
      status: 'ended',
      endReason: 'stopped',
      message: 'The engine crashed; what was recorded is kept.',
    });
  }
  const { race } = useAppStore.getState();
  if (race.status === 'running') {
    if (race.currentLegIdx !== null) {
      store.updateRaceLeg(race.currentLegIdx, { status: 'failed', message: why });
    }
    // The race's loop stops at its next check; the page does not wait for it.
    store.setRace({ status: 'done', currentLegIdx: null, cancelRequested: true });
  }
}

/** The engine is down (crashed, restarting, failed): a call that failed now is no run failure. */
export const engineDown = (): boolean => useAppStore.getState().engine.status !== 'ready';
