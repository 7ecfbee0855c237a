import { errorMessage, type ScheduleSpec } from '../../core';
import type { EngineApi } from '../../worker/contract';
import { draftToSpec } from '../schedule/scheduleDraft';
import { useAppStore, type AppState } from '../store';
import { specNow } from '../store/selectors';

/** At most this often a dragged slider's value goes to the engine (the last one always does). */
const SEND_EVERY_MS = 250;

/** A run the schedule form steers: Train's own, running or paused (a race's legs have their own). */
function steeredRun(state: AppState): boolean {
  const { training, race } = state;
  return (
    race.status !== 'running' && (training.status === 'running' || training.status === 'paused')
  );
}

/**
 * While Train's run is under way, every edit of the schedule form that makes a valid spec is
 * sent to the engine, which trains under it from the next step (a `scheduleChanged` event
 * confirms it). A drag is sent a few times a second, its final value always. Set up once, with
 * the engine client; returns the unsubscribe.
 */
export function followScheduleEdits(api: () => Pick<EngineApi, 'setSchedule'>): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentMs = -Infinity;

  const send = () => {
    timer = null;
    const state = useAppStore.getState();
    const parsed = draftToSpec(state.draft);
    if (!steeredRun(state) || !parsed.ok || sameSpec(parsed.spec, specNow(state))) return;
    lastSentMs = performance.now();
    api()
      .setSchedule(parsed.spec)
      .catch((error: unknown) => {
        useAppStore
          .getState()
          .setEngine({ error: `The schedule change was not applied: ${errorMessage(error)}` });
      });
  };

  return useAppStore.subscribe((state, previous) => {
    if (state.draft === previous.draft || !steeredRun(state) || timer !== null) return;
    const wait = Math.max(0, lastSentMs + SEND_EVERY_MS - performance.now());
    timer = setTimeout(send, wait);
  });
}

function sameSpec(a: ScheduleSpec, b: ScheduleSpec | null): boolean {
  return b !== null && JSON.stringify(a) === JSON.stringify(b);
}
