import { describe, expect, it } from 'vitest';
import { ChanceLossWatch } from './chanceLossWatch';
import { smoothLosses, FASTAI_SMOOTHING } from './smoothing';

/** A seeded noise source, so the curves are the same on every run. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

describe('the watch for a finite divergence', () => {
  it('reports a loss that stays well above a uniform guess, from the start of the streak', () => {
    const jitter = noise(1);
    // A healthy start, then a loss of 3–8 (what PyTorch shows at a fixed LR of 10).
    const losses = [
      ...Array.from({ length: 100 }, (_, k) => 2.3 - k * 0.01 + 0.1 * jitter()),
      ...Array.from({ length: 300 }, () => 5.5 + 5 * jitter()),
    ];
    const watch = new ChanceLossWatch(10);
    const found = watch.feed(0, losses);
    expect(found).not.toBeNull();
    const smoothed = smoothLosses(losses, FASTAI_SMOOTHING);
    const bar = 1.25 * Math.log(10);
    // The streak starts where the chart's smoothed curve first crosses the bar for good.
    expect(smoothed[found!.since]).toBeGreaterThan(bar);
    expect(smoothed[found!.since - 1]).toBeLessThanOrEqual(bar);
    expect(found!.chanceLoss).toBeCloseTo(Math.log(10), 12);
  });

  it('says nothing of a run whose LR is too low (the loss sits at chance)', () => {
    const jitter = noise(2);
    const losses = Array.from({ length: 2000 }, () => 2.31 + 0.3 * jitter());
    expect(new ChanceLossWatch(10).feed(0, losses)).toBeNull();
  });

  it('says nothing of a spike shorter than its patience', () => {
    const losses = [
      ...Array.from({ length: 200 }, () => 0.3),
      ...Array.from({ length: 20 }, () => 10),
      ...Array.from({ length: 400 }, () => 0.3),
    ];
    // The smoothed curve crosses the bar for about 20 steps, fewer than the 50 asked for.
    const smoothed = smoothLosses(losses, FASTAI_SMOOTHING);
    expect(Math.max(...smoothed)).toBeGreaterThan(1.25 * Math.log(10));
    expect(new ChanceLossWatch(10).feed(0, losses)).toBeNull();
  });

  it('reads batches as they arrive, skipping steps it has seen and stopping at a gap', () => {
    const losses = Array.from({ length: 300 }, () => 6);
    const options = { patience: 100 };
    const whole = new ChanceLossWatch(10, options).feed(0, losses);
    expect(whole?.since).toBe(0);
    const watch = new ChanceLossWatch(10, options);
    watch.feed(0, losses.slice(0, 30));
    // An overlapping batch: steps 20–29 again, then new ones.
    watch.feed(20, losses.slice(20, 60));
    // A batch from the future is not fed (the steps between are missing).
    expect(watch.feed(100, losses.slice(100, 300))).toBeNull();
    expect(watch.feed(60, losses.slice(60))).toEqual(whole);
  });

  it('refuses a class count that has no chance level', () => {
    expect(() => new ChanceLossWatch(1)).toThrow('numClasses must be an integer of at least 2');
  });
});
