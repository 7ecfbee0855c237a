import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import { smoothLosses, suggestLr, type SuggestMethod } from '../../core';
import { boundsFromMaxLr, pickLrs, shapeCurve, type RecordedSteps } from './rangeTestAnalysis';

interface SuggestionCase {
  name: string;
  numIt: number;
  lrs: number[];
  losses: number[];
  batchAccuracy?: number[];
  fastai: { divergedAt: number | null };
  expectedIndex: Record<SuggestMethod, number>;
}

const mnist = loadGolden<SuggestionCase>('suggestions').find(
  (c) => c.name === 'mnist_sgdm_lrfinder_1e-5_10_n200',
);
if (!mnist?.batchAccuracy) throw new Error('golden MNIST range test with accuracy is missing');

interface Input extends RecordedSteps {
  numIt: number;
  beta: number;
  divergeFactor: number;
}

/** What the chart shows: the picks, then the curve shaped with the accuracy knee's start. */
function analyseRangeTest(input: Input) {
  const picks = pickLrs(input, input.numIt);
  return { ...picks, ...shapeCurve(input, { ...input, learningStartsAt: picks.learningStartsAt }) };
}

const mnistInput: Input = {
  lrs: mnist.lrs,
  losses: mnist.losses,
  accuracies: mnist.batchAccuracy,
  numIt: mnist.numIt,
  beta: 0.98,
  divergeFactor: 4,
};

/** An exponential sweep over `n` steps from 1e-5 to 1. */
function sweep(n: number): number[] {
  return Array.from({ length: n }, (_, k) => 1e-5 * 1e5 ** (k / (n - 1)));
}

describe('range-test analysis on a real MNIST curve', () => {
  const analysis = analyseRangeTest(mnistInput);

  it('gives every library suggestion at the golden index, plus the accuracy knee', () => {
    const byId = new Map(analysis.suggestions.map((s) => [s.id, s]));
    for (const method of Object.keys(mnist.expectedIndex) as SuggestMethod[]) {
      expect(byId.get(method)?.index).toBe(mnist.expectedIndex[method]);
    }
    expect(byId.get('accuracy')).toBeDefined();
    expect(analysis.omitted).toEqual([]);
  });

  it('explains each suggestion in one line', () => {
    for (const s of analysis.suggestions) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.explanation).toMatch(/^[^\n]{10,}$/);
    }
  });

  it("recommends Smith's accuracy knee as the max LR, above fastai's timid valley", () => {
    expect(analysis.recommended?.id).toBe('accuracy');
    const valley = analysis.suggestions.find((x) => x.id === 'valley');
    expect(analysis.recommended?.lr).toBeGreaterThan(valley?.lr ?? Infinity);
    // Below where the engine's rule sees divergence.
    expect(analysis.recommended?.index).toBeLessThan(mnist.fastai.divergedAt ?? Infinity);
  });

  it("marks the divergence where the engine's rule (4 × best, beta 0.98) fires", () => {
    expect(analysis.stop).toEqual({
      kind: 'diverged',
      index: mnist.fastai.divergedAt,
      lr: mnist.lrs[mnist.fastai.divergedAt ?? -1],
    });
  });

  it('splits the sweep into too low, learning and diverging, in order and touching', () => {
    expect(analysis.regions.map((r) => r.kind)).toEqual(['tooLow', 'learning', 'diverging']);
    const [tooLow, learning, diverging] = analysis.regions;
    expect(tooLow.fromLr).toBe(mnist.lrs[0]);
    expect(tooLow.toLr).toBe(learning.fromLr);
    expect(learning.toLr).toBe(diverging.fromLr);
    expect(diverging.toLr).toBe(mnist.lrs[mnist.lrs.length - 1]);
    // Learning spans the recommended LR; it ends at the smoothed-loss minimum.
    const recommended = analysis.recommended?.lr ?? NaN;
    expect(recommended).toBeGreaterThan(learning.fromLr);
    expect(recommended).toBeLessThan(learning.toLr);
    expect(learning.toLr).toBe(mnist.lrs[analysis.minIndex ?? -1]);
  });

  it("re-smooths the display with the user's beta without moving the suggestions", () => {
    const rough = analyseRangeTest({ ...mnistInput, beta: 0.5 });
    expect(Array.from(rough.smoothed)).toEqual(
      smoothLosses(mnist.losses, { rule: 'fastai-debiased-ema', beta: 0.5 }),
    );
    expect(rough.suggestions).toEqual(analysis.suggestions);
  });
});

describe('range-test analysis on short or broken curves', () => {
  it('omits suggestions that too few points cannot support, with the reason, instead of throwing', () => {
    // A test stopped after 12 of 100 steps: fastai trims numIt // 10 = 10 from the start.
    const lrs = sweep(12);
    const losses = [2.3, 2.3, 2.3, 2.2, 2.0, 1.7, 1.5, 1.4, 1.6, 2.5, 4, 9];
    const analysis = analyseRangeTest({
      lrs,
      losses,
      accuracies: [0.1, 0.1, 0.1, 0.2, 0.4, 0.6, 0.7, 0.8, 0.6, 0.2, 0.1, 0.1],
      numIt: 100,
      beta: 0.98,
      divergeFactor: 4,
    });
    const omittedIds = analysis.omitted.map((o) => o.id);
    expect(omittedIds).toEqual(['steep', 'valley', 'minimum', 'slide', 'steepestGradient']);
    expect(analysis.omitted[0].reason).toMatch(/too few points/);
    expect(analysis.recommended?.id).toBe('accuracy');
    expect(() => suggestLr(lrs, losses, 'valley', { numIt: 100 })).toThrow(RangeError);
  });

  it('suggests nothing and shades nothing before any step is recorded', () => {
    const analysis = analyseRangeTest({
      lrs: [],
      losses: [],
      accuracies: [],
      numIt: 100,
      beta: 0.98,
      divergeFactor: 4,
    });
    expect(analysis.suggestions).toEqual([]);
    expect(analysis.recommended).toBeNull();
    expect(analysis.regions).toEqual([]);
    expect(analysis.minIndex).toBeNull();
  });

  it('uses the finite points and marks the step whose loss was not finite', () => {
    const losses = [...mnist.losses.slice(0, 150), NaN];
    const analysis = analyseRangeTest({
      ...mnistInput,
      lrs: mnist.lrs.slice(0, 151),
      losses,
      accuracies: mnist.batchAccuracy?.slice(0, 151) ?? [],
    });
    expect(analysis.numFinite).toBe(150);
    expect(analysis.stop).toEqual({ kind: 'nonFinite', index: 150, lr: mnist.lrs[150] });
    expect(Number.isNaN(analysis.smoothed[150])).toBe(true);
    expect(analysis.suggestions.find((s) => s.id === 'valley')?.index).toBe(
      suggestLr(mnist.lrs.slice(0, 150), mnist.losses.slice(0, 150), 'valley', {
        numIt: mnist.numIt,
      }).index,
    );
    expect(analysis.regions.at(-1)?.kind).toBe('diverging');
  });

  it('shades no regions when the loss never falls', () => {
    const n = 100;
    const analysis = analyseRangeTest({
      lrs: sweep(n),
      losses: Array.from({ length: n }, (_, k) => 2.3 + 0.01 * Math.sin(k)),
      accuracies: Array.from({ length: n }, () => 0.1),
      numIt: n,
      beta: 0.98,
      divergeFactor: 4,
    });
    expect(analysis.regions).toEqual([]);
    expect(analysis.omitted.map((o) => o.id)).toEqual(['accuracy']);
  });

  it('leaves out the diverging region when the loss is still falling at the end', () => {
    const n = 100;
    const analysis = analyseRangeTest({
      lrs: sweep(n),
      losses: Array.from({ length: n }, (_, k) => (k < 30 ? 2.3 : 2.3 - (k - 30) * 0.02)),
      accuracies: Array.from({ length: n }, () => 0.1),
      numIt: n,
      beta: 0.9,
      divergeFactor: 4,
    });
    expect(analysis.regions.map((r) => r.kind)).toEqual(['tooLow', 'learning']);
    expect(analysis.stop).toBeNull();
  });
});

describe('bounds from a max LR', () => {
  it('sets Base LR to Max LR / ratio, both rounded like the sliders', () => {
    expect(boundsFromMaxLr(0.002247805939987302, 4)).toEqual({ maxLr: 0.00225, baseLr: 0.000562 });
    expect(boundsFromMaxLr(0.3, 3)).toEqual({ maxLr: 0.3, baseLr: 0.1 });
  });
});
