import { describe, expect, it } from 'vitest';
import { loadGolden, maxRelativeError } from '../../tests/golden';
import { divergenceFactor, divergenceStop, smoothLosses, type SmoothingRule } from './smoothing';

interface SmoothingCase {
  name: string;
  rule: SmoothingRule['rule'];
  beta?: number;
  smoothF?: number;
  losses: number[];
  smoothed: number[];
  divergence: { factor: number; stopIndex: number | null };
}

const cases = loadGolden<SmoothingCase>('smoothing');

function ruleOf(c: SmoothingCase): SmoothingRule {
  return c.rule === 'fastai-debiased-ema'
    ? { rule: c.rule, beta: c.beta ?? NaN }
    : { rule: c.rule, smoothF: c.smoothF ?? NaN };
}

describe('golden loss smoothing and divergence stops', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const rule = ruleOf(c);
    const smoothed = smoothLosses(c.losses, rule);
    expect(maxRelativeError(smoothed, c.smoothed)).toBeLessThanOrEqual(1e-6);
    expect(divergenceFactor(rule)).toBe(c.divergence.factor);
    expect(divergenceStop(smoothed, c.divergence.factor)).toBe(c.divergence.stopIndex);
  });
});

describe('smoothing properties', () => {
  it('the debiased EMA of a constant is that constant from the first step', () => {
    const smoothed = smoothLosses([2.5, 2.5, 2.5, 2.5], {
      rule: 'fastai-debiased-ema',
      beta: 0.98,
    });
    for (const value of smoothed) expect(value).toBeCloseTo(2.5, 12);
  });

  it('a NaN loss is not mistaken for divergence', () => {
    expect(divergenceStop([1, 0.9, NaN, 0.8], 4)).toBeNull();
  });
});

describe('bias correction', () => {
  it('without it the EMA starts near 0 (biased towards its start), with it at the first loss', () => {
    const losses = [2.3, 2.3, 2.3];
    const plain = smoothLosses(losses, { rule: 'fastai-debiased-ema', beta: 0.98, debias: false });
    const debiased = smoothLosses(losses, { rule: 'fastai-debiased-ema', beta: 0.98 });
    expect(plain[0]).toBeCloseTo(0.02 * 2.3, 12);
    expect(debiased[0]).toBeCloseTo(2.3, 12);
  });
});
