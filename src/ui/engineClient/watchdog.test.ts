import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsRejectedWhen } from './guardedCalls';
import {
  HEARTBEAT_MS,
  MAX_SILENCE_LIMIT_MS,
  SILENCE_LIMIT_MS,
  SLOW_WORKER_FACTOR,
  startWatchdog,
} from './watchdog';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the watchdog', () => {
  it('says nothing while the worker answers its heartbeats', async () => {
    const onSilence = vi.fn();
    const ping = vi.fn(() => Promise.resolve(true));
    startWatchdog({ ping, alive: () => true, onSilence });
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS * 5);
    expect(onSilence).not.toHaveBeenCalled();
    expect(ping.mock.calls.length).toBeGreaterThanOrEqual(
      (SILENCE_LIMIT_MS * 5) / HEARTBEAT_MS - 1,
    );
  });

  it('reports a worker that stops answering within the silence limit and a heartbeat', async () => {
    let answering = true;
    const onSilence = vi.fn();
    startWatchdog({
      ping: () => (answering ? Promise.resolve(true) : new Promise(() => {})),
      alive: () => true,
      onSilence,
    });
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    answering = false;
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS);
    expect(onSilence).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT_MS);
    expect(onSilence).toHaveBeenCalledTimes(1);
    expect(onSilence.mock.calls[0][0]).toBeGreaterThanOrEqual(SILENCE_LIMIT_MS);
    // Once is enough: it stops after reporting.
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS * 3);
    expect(onSilence).toHaveBeenCalledTimes(1);
  });

  /** A worker whose next heartbeat is answered when the test says, or never once it goes quiet. */
  function lateWorker() {
    const onSilence = vi.fn();
    let answer = () => {};
    let answering = true;
    startWatchdog({
      ping: () =>
        new Promise<void>((resolve) => {
          if (answering) answer = resolve;
        }),
      alive: () => true,
      onSilence,
    });
    return {
      onSilence,
      /** Waits `ms` after the next heartbeat is sent, then answers it. */
      answerAfter: async (ms: number) => {
        await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
        await vi.advanceTimersByTimeAsync(ms);
        answer();
      },
      goQuiet: () => {
        answering = false;
      },
    };
  }

  it('gives a worker seen to pause and answer late longer before calling it dead', async () => {
    const worker = lateWorker();
    // One step blocks the worker for 6 s, then it answers: slow, not dead.
    const pause = SILENCE_LIMIT_MS - 2 * HEARTBEAT_MS;
    await worker.answerAfter(pause);
    worker.goQuiet();
    // Now it goes quiet for good: reported after three times that pause, not after 8 s.
    await vi.advanceTimersByTimeAsync(SLOW_WORKER_FACTOR * pause - HEARTBEAT_MS);
    expect(worker.onSilence).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3 * HEARTBEAT_MS);
    expect(worker.onSilence).toHaveBeenCalledTimes(1);
  });

  it('never waits longer than its cap, however slow the worker was', async () => {
    const worker = lateWorker();
    // 7 s late raises the limit to 21 s; 20 s late then would raise it to a minute.
    await worker.answerAfter(SILENCE_LIMIT_MS - HEARTBEAT_MS);
    await worker.answerAfter(20_000);
    expect(SLOW_WORKER_FACTOR * 20_000).toBeGreaterThan(MAX_SILENCE_LIMIT_MS);
    worker.goQuiet();
    await vi.advanceTimersByTimeAsync(MAX_SILENCE_LIMIT_MS + 2 * HEARTBEAT_MS);
    expect(worker.onSilence).toHaveBeenCalledTimes(1);
  });

  it('counts any event from the worker as an answer', async () => {
    const onSilence = vi.fn();
    const heard = startWatchdog({
      ping: () => new Promise(() => {}),
      alive: () => true,
      onSilence,
    });
    for (let t = 0; t < SILENCE_LIMIT_MS * 3; t += HEARTBEAT_MS) {
      heard();
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    }
    expect(onSilence).not.toHaveBeenCalled();
  });

  it('stops watching once its worker is replaced', async () => {
    let alive = true;
    const onSilence = vi.fn();
    startWatchdog({ ping: () => new Promise(() => {}), alive: () => alive, onSilence });
    alive = false;
    await vi.advanceTimersByTimeAsync(SILENCE_LIMIT_MS * 3);
    expect(onSilence).not.toHaveBeenCalled();
  });
});

describe('calls to a worker that dies', () => {
  it('reject when it ends, instead of waiting forever', async () => {
    const remote = { train: () => new Promise<number>(() => {}), ping: async () => 1 };
    const { guarded, end } = callsRejectedWhen(remote);
    await expect(guarded.ping()).resolves.toBe(1);
    const training = guarded.train();
    end(new Error('The engine crashed: it stopped answering.'));
    await expect(training).rejects.toThrow('The engine crashed: it stopped answering.');
    await expect(guarded.ping()).rejects.toThrow('The engine crashed');
  });
});
