/** How often the worker is asked whether it still answers. */
export const HEARTBEAT_MS = 1000;
/**
 * How long an unanswered heartbeat may wait before the worker counts as dead. Long enough for
 * a slow step (a validation pass, a shader compile on a software GPU), short enough to say so
 * within seconds.
 */
export const SILENCE_LIMIT_MS = 8000;

export interface WatchdogOptions {
  ping: () => Promise<unknown>;
  /** False once the worker watched has been replaced or terminated: the watchdog stops. */
  alive: () => boolean;
  onSilence: (silentMs: number) => void;
  now?: () => number;
}

/**
 * Pings every HEARTBEAT_MS and reports a ping left unanswered for SILENCE_LIMIT_MS. Silence is
 * counted from the ping sent, not from the last answer, so a background tab whose timers are
 * throttled to one a minute is not taken for a dead worker. Returns `heard`: call it on any
 * message from the worker, which counts as an answer.
 */
export function startWatchdog(options: WatchdogOptions): () => void {
  const now = options.now ?? Date.now;
  let sentAt: number | null = null;
  const heard = () => {
    sentAt = null;
  };
  const timer = setInterval(() => {
    if (!options.alive()) {
      clearInterval(timer);
      return;
    }
    if (sentAt !== null) {
      const silent = now() - sentAt;
      if (silent >= SILENCE_LIMIT_MS) {
        clearInterval(timer);
        options.onSilence(silent);
      }
      return;
    }
    sentAt = now();
    options.ping().then(heard, () => {});
  }, HEARTBEAT_MS);
  return heard;
}
