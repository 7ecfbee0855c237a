import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../tests/golden';
import { FASTAI_SMOOTHING, LR_FINDER_SMOOTHING, type SmoothingRule } from './smoothing';
import { argmin } from './argmin';
import {
  accuracyKnee,
  suggestFromAccuracy,
  suggestLr,
  suggestionWindow,
  type SuggestMethod,
} from './suggest';
import { sweepLr } from './sweep';

interface SuggestionCase {
  name: string;
  numIt: number;
  lrs: number[];
  losses: number[];
  batchAccuracy?: number[];
  fastai: { recorded: number; divergedAt: number | null; window: [number, number] };
  lrFinder: { recorded: number; divergedAt: number | null; window: [number, number] };
  expected: Record<SuggestMethod, number>;
  expectedIndex: Record<SuggestMethod, number>;
}

const cases = loadGolden<SuggestionCase>('suggestions');
const methods = ['minimum', 'steep', 'valley', 'slide', 'steepestGradient'] as const;

describe('golden LR suggestions (fastai and pytorch-lr-finder pipelines)', () => {
  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    it('trims to the same windows as each library', () => {
      const fastai = suggestionWindow(c.losses, FASTAI_SMOOTHING, c.numIt);
      expect([fastai.recorded, fastai.divergedAt, fastai.window]).toEqual([
        c.fastai.recorded,
        c.fastai.divergedAt,
        c.fastai.window,
      ]);
      const lrFinder = suggestionWindow(c.losses, LR_FINDER_SMOOTHING, c.numIt);
      expect([lrFinder.recorded, lrFinder.divergedAt, lrFinder.window]).toEqual([
        c.lrFinder.recorded,
        c.lrFinder.divergedAt,
        c.lrFinder.window,
      ]);
    });

    it.each(methods)('%s picks the same index and LR', (method) => {
      const suggestion = suggestLr(c.lrs, c.losses, method, { numIt: c.numIt });
      expect(suggestion.index).toBe(c.expectedIndex[method]);
      expect(Math.abs(suggestion.lr - c.expected[method]) / c.expected[method]).toBeLessThanOrEqual(
        1e-6,
      );
    });
  });
});

describe('suggestion edge cases', () => {
  it('refuses to suggest from a test too short to trim, with a message saying why', () => {
    expect(() => suggestLr([1e-4, 1e-3, 1e-2], [2.3, 2.2, 2.1], 'steep', { numIt: 3 })).toThrow(
      /too few points/,
    );
  });
});

describe("Smith's accuracy rule", () => {
  it('puts max LR where the accuracy stops rising and base LR at max / ratio', () => {
    const sweep = { startLr: 1e-5, endLr: 1, numIter: 101, mode: 'exp' } as const;
    const lrs = Array.from({ length: sweep.numIter }, (_, k) => sweepLr(sweep, k));
    // Accuracy flat at chance, rises between steps 30 and 60, then collapses after 70.
    const accuracy = lrs.map((_, k) =>
      k < 30 ? 0.1 : k < 60 ? 0.1 + (0.85 * (k - 30)) / 30 : k < 70 ? 0.95 : 0.1,
    );
    const result = suggestFromAccuracy(lrs, accuracy, { ratio: 5 });
    expect(result.maxIndex).toBeGreaterThanOrEqual(60);
    expect(result.maxIndex).toBeLessThan(72);
    expect(result.maxLr).toBe(lrs[result.maxIndex]);
    expect(result.baseLr).toBeCloseTo(result.maxLr / 5, 15);
    expect(result.risesAt).toBeGreaterThan(30);
    expect(result.risesAt).toBeLessThan(45);
  });

  it('finds a knee on the real MNIST range tests within 10× of fastai minimum/10', () => {
    const real = cases.filter((x) => x.batchAccuracy);
    expect(real.length).toBe(4);
    for (const c of real) {
      const { maxLr, risesAt, maxIndex } = suggestFromAccuracy(c.lrs, c.batchAccuracy ?? []);
      expect(maxLr).toBeGreaterThan(c.expected.minimum / 10);
      expect(maxLr).toBeLessThan(c.expected.minimum * 10);
      // The sweeps start at 1e-7..1e-5, where nothing is learned yet.
      expect(risesAt).toBeGreaterThan(c.numIt / 10);
      expect(risesAt).toBeLessThan(maxIndex);
    }
  });
});

describe('the accuracy knee offered as a suggestion', () => {
  const sweep = { startLr: 1e-5, endLr: 1, numIter: 101, mode: 'exp' as const };
  const lrs = Array.from({ length: sweep.numIter }, (_, k) => sweepLr(sweep, k));
  /** Chance (0.1) until step 20, up 40 steps to a peak of 0.9 at step 60, down as steeply. */
  const tent = lrs.map((_, k) => 0.1 + 0.8 * Math.max(0, 1 - Math.abs(k - 60) / 40));

  it('picks the peak of a symmetric rise and fall, and where the rise is a tenth done', () => {
    const knee = accuracyKnee(lrs, tent);
    if ('reason' in knee) throw new Error(knee.reason);
    // The centred average of a symmetric peak is highest at the peak itself.
    expect(knee.maxIndex).toBe(60);
    expect(knee.maxLr).toBe(lrs[60]);
    // A tenth of the way up a 40-step rise that starts at step 20.
    expect(knee.risesAt).toBe(24);
  });

  it('moves with the peak: the same tent 15 steps later peaks 15 steps later', () => {
    const later = lrs.map((_, k) => 0.1 + 0.8 * Math.max(0, 1 - Math.abs(k - 75) / 20));
    const knee = accuracyKnee(lrs, later);
    expect('reason' in knee ? null : knee.maxIndex).toBe(75);
  });

  it('offers no knee when the accuracy never rises clearly', () => {
    const flat = lrs.map((_, k) => 0.1 + 0.005 * Math.sin(k));
    expect(accuracyKnee(lrs, flat)).toEqual({
      reason: 'the accuracy never rose clearly during the sweep',
    });
  });

  it('offers no knee when the accuracy still rises at the last step', () => {
    const rising = lrs.map((_, k) => 0.1 + (0.8 * k) / 100);
    expect(accuracyKnee(lrs, rising)).toEqual({
      reason: 'the accuracy was still rising at the end; sweep to a higher End LR',
    });
  });

  it('needs at least two recorded accuracies', () => {
    expect(accuracyKnee([], [])).toEqual({ reason: 'no accuracy was recorded' });
    expect(accuracyKnee([1e-3], [0.5])).toEqual({ reason: 'needs at least two recorded steps' });
  });
});

describe('argmin', () => {
  it('finds the first lowest value, within the first `length` when given', () => {
    expect(argmin([3, 1, 2, 1])).toBe(1);
    expect(argmin([3, 2, 1, 0], 2)).toBe(1);
  });
});

describe('the numerical choices behind the suggestions', () => {
  it("reproduces every golden pick when each choice is set to its library's own value", () => {
    for (const c of cases) {
      for (const method of methods) {
        const own =
          method === 'steepestGradient'
            ? { slope: 'index' as const, skipStart: 10, skipEnd: 5, divergeFactor: 5 }
            : {
                beta: 0.98,
                debias: true,
                slope: 'logLr' as const,
                skipStart: Math.floor(c.numIt / 10),
                skipEnd: 5,
                divergeFactor: 4,
              };
        const suggestion = suggestLr(c.lrs, c.losses, method, { numIt: c.numIt, ...own });
        expect(suggestion.index, `${c.name} ${method}`).toBe(c.expectedIndex[method]);
      }
    }
  });

  it('a lighter smoothing β lags less: on every golden curve the minimum comes earlier, a heavier one no earlier', () => {
    for (const c of cases) {
      const minimumAt = (beta: number) =>
        suggestLr(c.lrs, c.losses, 'minimum', { numIt: c.numIt, beta }).index;
      expect(minimumAt(0.98), c.name).toBe(c.expectedIndex.minimum);
      expect(minimumAt(0.9), c.name).toBeLessThan(c.expectedIndex.minimum);
      expect(minimumAt(0.995), c.name).toBeGreaterThanOrEqual(c.expectedIndex.minimum);
    }
    // …and on the MNIST curves it moves every fastai pick somewhere.
    const mnist = cases.filter((c) => c.name.startsWith('mnist'));
    expect(mnist.length).toBeGreaterThan(0);
    for (const c of mnist) {
      const moved = (['minimum', 'valley', 'slide'] as const).filter(
        (method) =>
          suggestLr(c.lrs, c.losses, method, { numIt: c.numIt, beta: 0.9 }).index !==
          c.expectedIndex[method],
      );
      expect(moved.length, c.name).toBeGreaterThan(0);
    }
  });

  it('without bias correction the early loss reads too low: the stop fires at once, and without a stop the picks move', () => {
    const plain = (beta: number): SmoothingRule => ({
      rule: 'fastai-debiased-ema',
      beta,
      debias: false,
    });
    // Never stops: what the plain EMA does to the picks themselves.
    const noStop = { divergeFactor: Number.MAX_VALUE };
    for (const c of cases) {
      // fastai's stop (4 × the best) compares later losses with a start read ~50× too low.
      const window = suggestionWindow(c.losses, plain(0.98), c.numIt);
      expect(window.divergedAt, c.name).toBeLessThan(Math.floor(c.numIt / 10));
      expect(
        () => suggestLr(c.lrs, c.losses, 'valley', { numIt: c.numIt, debias: false }),
        c.name,
      ).toThrow(/too few points/);

      const at = (method: SuggestMethod, debias: boolean) =>
        suggestLr(c.lrs, c.losses, method, { numIt: c.numIt, debias, ...noStop }).index;
      // The plain EMA still climbs from 0 where the loss first falls, so the fall reads later.
      expect(at('valley', false), c.name).toBeGreaterThan(at('valley', true));
    }
    for (const c of cases.filter((c) => c.name.startsWith('mnist'))) {
      // Its lowest point is its first: the minimum lands at the window's start.
      const start = Math.floor(c.numIt / 10);
      expect(
        suggestLr(c.lrs, c.losses, 'minimum', { numIt: c.numIt, debias: false, ...noStop }).index,
        c.name,
      ).toBe(start);
      expect(
        suggestLr(c.lrs, c.losses, 'minimum', { numIt: c.numIt, ...noStop }).index,
        c.name,
      ).toBe(c.expectedIndex.minimum);
    }
  });

  it('skip windows move the ends of the window the picks come from', () => {
    const c = cases[0];
    const window = suggestionWindow(c.losses, FASTAI_SMOOTHING, c.numIt, {
      skipStart: 3,
      skipEnd: 12,
    });
    const own = suggestionWindow(c.losses, FASTAI_SMOOTHING, c.numIt);
    expect(window.window).toEqual([3, own.recorded - 12]);
  });

  it('a lower divergence factor cuts the window earlier', () => {
    const diverging = cases.find((c) => c.fastai.divergedAt !== null);
    expect(diverging).toBeDefined();
    if (!diverging) return;
    const own = suggestionWindow(diverging.losses, FASTAI_SMOOTHING, diverging.numIt);
    const strict = suggestionWindow(diverging.losses, FASTAI_SMOOTHING, diverging.numIt, {
      divergeFactor: 1.2,
    });
    expect(strict.recorded).toBeLessThan(own.recorded);
  });

  it('on a linear sweep, a slope against the step index favours the big early drop, against log LR the late one', () => {
    const numIt = 100;
    const lrs = Array.from({ length: numIt }, (_, k) =>
      sweepLr({ startLr: 1e-3, endLr: 1, numIter: numIt, mode: 'linear' }, k),
    );
    // A 0.5 fall over steps 15–20 (where the LR moves by ×1.3) and 0.3 over 70–75 (×1.07).
    const losses = lrs.map(
      (_, k) =>
        3 - 0.1 * Math.min(5, Math.max(0, k - 15)) - 0.06 * Math.min(5, Math.max(0, k - 70)),
    );
    for (const method of ['steep', 'steepestGradient'] as const) {
      const byIndex = suggestLr(lrs, losses, method, { numIt, slope: 'index' });
      const byLogLr = suggestLr(lrs, losses, method, { numIt, slope: 'logLr' });
      expect(byIndex.index, method).toBeLessThan(40);
      expect(byLogLr.index, method).toBeGreaterThan(60);
    }
  });
});
