import { describe, expect, it } from 'vitest';
import {
  defaultTargetPercent,
  finalLoss,
  legStatusText,
  raceWinners,
  rankByFinal,
  summarizeLeg,
} from './raceResults';

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

describe("a leg's status in words", () => {
  const tenClasses = { raceRunning: false, numClasses: 10 };
  const ended = (points: [number, number][]) => summarizeLeg(curve(points), 0.95);

  it('says a finished leg whose accuracy stayed near chance never learned', () => {
    const stuck = ended([
      [100, 0.11],
      [200, 0.098],
    ]);
    expect(legStatusText('done', stuck, tenClasses)).toBe('never learned');
    // With two classes, 60% is barely above chance too.
    expect(legStatusText('done', ended([[100, 0.6]]), { ...tenClasses, numClasses: 2 })).toBe(
      'never learned',
    );
  });

  it('tells a leg that learned but missed the target from one that reached it', () => {
    expect(legStatusText('done', ended([[100, 0.8]]), tenClasses)).toBe('done, target not reached');
    expect(legStatusText('done', ended([[100, 0.96]]), tenClasses)).toBe('done');
  });

  it('keeps diverged, cancelled and failed as they are, and calls an unstarted leg "not run"', () => {
    const none = ended([]);
    expect(legStatusText('diverged', ended([[100, 0.1]]), tenClasses)).toBe('diverged');
    expect(legStatusText('cancelled', none, tenClasses)).toBe('cancelled');
    expect(legStatusText('waiting', none, tenClasses)).toBe('not run');
    expect(legStatusText('waiting', none, { ...tenClasses, raceRunning: true })).toBe('waiting');
  });
});

describe('the suggestion race ranking', () => {
  const leg = (...points: [number, number][]) =>
    points.map(([accuracy, loss], i) => ({ iteration: (i + 1) * 100, accuracy, loss }));

  it('puts the highest final accuracy first, breaks ties by the lower final loss', () => {
    const legs = [
      leg([0.9, 0.3], [0.95, 0.2]),
      // Best along the way, but its final accuracy is what counts.
      leg([0.99, 0.05], [0.97, 0.1]),
      leg([0.97, 0.08]),
      leg([0.5, 1.2], [0.99, 0.04]),
    ];
    expect(rankByFinal(legs)).toEqual([3, 2, 1, 0]);
    expect(finalLoss(legs[1])).toBe(0.1);
  });

  it('ranks a non-finite loss as the worst and legs that never validated last, in order', () => {
    const legs = [leg(), leg([0.2, Infinity]), leg([0.2, 2.1]), leg(), leg([0.3, NaN])];
    expect(rankByFinal(legs)).toEqual([4, 2, 1, 0, 3]);
    expect(finalLoss(legs[0])).toBeNull();
  });
});
