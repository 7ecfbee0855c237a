import { describe, expect, it } from 'vitest';
import { defaultTargetPercent, raceWinners, summarizeLeg } from './raceResults';

const curve = (points: [number, number][]) =>
  points.map(([iteration, accuracy]) => ({ iteration, accuracy }));

describe('a leg of the race table', () => {
  it('counts iterations to the first validation at or above the target', () => {
    const validations = curve([
      [100, 0.9],
      [200, 0.985],
      [300, 0.97],
      [400, 0.99],
    ]);
    expect(summarizeLeg(validations, 0.985)).toEqual({
      iterationsToTarget: 200,
      best: 0.99,
      final: 0.99,
    });
    expect(summarizeLeg(validations, 0.9875).iterationsToTarget).toBe(400);
  });

  it('has no iteration count when the target is never reached, but keeps best and final', () => {
    const summary = summarizeLeg(
      curve([
        [50, 0.6],
        [100, 0.8],
        [150, 0.75],
      ]),
      0.985,
    );
    expect(summary).toEqual({ iterationsToTarget: null, best: 0.8, final: 0.75 });
  });

  it('is empty for a leg that never validated (cancelled at once)', () => {
    expect(summarizeLeg([], 0.9)).toEqual({ iterationsToTarget: null, best: null, final: null });
  });
});

describe('the race winners', () => {
  it('are the fewest iterations and the highest accuracies, skipping missing numbers', () => {
    const winners = raceWinners([
      { iterationsToTarget: null, best: 0.97, final: 0.96 },
      { iterationsToTarget: 400, best: 0.99, final: 0.985 },
      { iterationsToTarget: 300, best: 0.988, final: 0.988 },
      { iterationsToTarget: null, best: null, final: null },
    ]);
    expect(winners).toEqual({ iterationsToTarget: 300, best: 0.99, final: 0.988 });
    expect(raceWinners([{ iterationsToTarget: null, best: null, final: null }])).toEqual({
      iterationsToTarget: null,
      best: null,
      final: null,
    });
  });
});

describe('the default target', () => {
  it('is 98.5% on MNIST', () => {
    expect(defaultTargetPercent('mnist')).toBe(98.5);
    expect(defaultTargetPercent('fashion-mnist')).toBeLessThan(98.5);
  });
});
