/** How often the worker is asked whether it still answers. */
export const HEARTBEAT_MS = 1000;
/**
 * How long an unanswered heartbeat may wait before the worker counts as dead. Long enough for
 * a slow step (a validation pass, a shader compile on a software GPU), short enough to say so
 * within seconds.
 */
export const SILENCE_LIMIT_MS = 8000;
/**
 * A worker seen to go quiet for long and then answer (WebGL on a software GPU, on a busy
 * machine, blocks for seconds in one step) is given this many times its longest such pause,
 * up to MAX_SILENCE_LIMIT_MS: a slow engine is not a dead one.
 */
export const SLOW_WORKER_FACTOR = 3;
export const MAX_SILENCE_LIMIT_MS = 30_000;

export interface WatchdogOptions {
  ping: () => Promise<unknown>;
  /** False once the worker watched has been replaced or terminated: the watchdog stops. */
  alive: () => boolean;
  onSilence: (silentMs: number) => void;
  now?: () => number;
}

/**
 * Pings every HEARTBEAT_MS and reports a ping left unanswered for SILENCE_LIMIT_MS, or longer
 * for a worker seen to pause and then answer (see SLOW_WORKER_FACTOR). Silence is counted from
 * the ping sent, not from the last answer, so a background tab whose timers are throttled to
 * one a minute is not taken for a dead worker. Returns `heard`: call it on any message from the
 * worker, which counts as an answer.
 */
export function startWatchdog(options: WatchdogOptions): () => void {
  const now = options.now ?? Date.now;
  let sentAt: number | null = null;
  let limit = SILENCE_LIMIT_MS;
  const heard = () => {
    if (sentAt === null) return;
    const waited = now() - sentAt;
    limit = Math.min(MAX_SILENCE_LIMIT_MS, Math.max(limit, SLOW_WORKER_FACTOR * waited));
    sentAt = null;
  };
  const timer = setInterval(() => {
    if (!options.alive()) {
      clearInterval(timer);
      return;
    }
    if (sentAt !== null) {
      const silent = now() - sentAt;
      if (silent >= limit) {
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
