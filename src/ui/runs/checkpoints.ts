import { useAppStore } from '../store';
import { checkpointLiveRuns } from './liveRuns';

/** How often a live run is written to storage: what a crash of the page may lose at most. */
export const CHECKPOINT_MS = 3000;

/**
 * Keeps the live runs in storage as they go: every CHECKPOINT_MS, when training pauses, and
 * when the page is hidden or goes away (a reload, a closed tab: `pagehide` may come too late
 * for storage, `visibilitychange` usually does not). Stop, an end and a crash keep the run
 * themselves. Returns what stops it.
 */
export function startCheckpoints(): () => void {
  const write = () => void checkpointLiveRuns();
  const timer = setInterval(write, CHECKPOINT_MS);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') write();
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', write);
  const stopWatchingPause = useAppStore.subscribe((state, before) => {
    if (state.training.status === 'paused' && before.training.status !== 'paused') write();
  });
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', write);
    stopWatchingPause();
  };
}
