import { useAppStore, type AppState } from '../store';
import type { RaceLeg } from '../store/raceSlice';

/** The race's small steps on the store: waiting for it, and marking how a leg ended. */

/** Resolves once the store satisfies `ready` (at once when it already does). */
export function whenStore(ready: (state: AppState) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (ready(useAppStore.getState())) return resolve();
    const unsubscribe = useAppStore.subscribe((state) => {
      if (!ready(state)) return;
      unsubscribe();
      resolve();
    });
  });
}

export const cancelRequested = () => useAppStore.getState().race.cancelRequested;

export function waitingLeg(id: string, label: string, detail: string): RaceLeg {
  return {
    id,
    label,
    detail,
    status: 'waiting',
    validations: [],
    numIterations: 0,
    wallMs: null,
    message: null,
  };
}

/** A leg is also "cancelled" when the user stopped its run from the Training or Range test panel. */
export function markCancelled(legIdx: number, message: string): false {
  useAppStore.getState().updateRaceLeg(legIdx, { status: 'cancelled', message });
  return false;
}

export function markFailed(legIdx: number, message: string): void {
  useAppStore.getState().updateRaceLeg(legIdx, { status: 'failed', message });
}
