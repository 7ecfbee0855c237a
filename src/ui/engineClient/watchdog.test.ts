import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsRejectedWhen } from './guardedCalls';
import { HEARTBEAT_MS, SILENCE_LIMIT_MS, startWatchdog } from './watchdog';

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
