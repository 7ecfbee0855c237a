import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadGolden, maxRelativeError } from '../../tests/golden';
import { scheduleSpecArb } from '../../tests/scheduleArbitraries';
import { parseScheduleSpec, type ScheduleSpec } from './scheduleSpec';
import { lrAt, momentumAt } from './schedules';

interface ScheduleCase {
  name: string;
  spec: unknown;
  iterations: number;
  lr: number[];
  momentum?: number[];
}

const cases = loadGolden<ScheduleCase>('schedules');

describe('every golden schedule matches PyTorch 1.13', () => {
  it('covers all eight policies', () => {
    const policies = new Set(cases.map((c) => parseScheduleSpec(c.spec).policy));
    expect(policies.size).toBe(8);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const spec = parseScheduleSpec(c.spec);
    const steps = Array.from({ length: c.iterations }, (_, k) => k);
    expect(
      maxRelativeError(
        steps.map((k) => lrAt(spec, k)),
        c.lr,
      ),
    ).toBeLessThanOrEqual(1e-6);
    if (c.momentum) {
      const momentum = steps.map((k) => momentumAt(spec, k) ?? NaN);
      expect(maxRelativeError(momentum, c.momentum)).toBeLessThanOrEqual(1e-6);
    } else {
      expect(momentumAt(spec, 0)).toBeUndefined();
    }
  });
});

const modernCases = loadGolden<ScheduleCase>('schedules-modern');

describe('every golden modern schedule matches PyTorch 1.13 and Transformers', () => {
  it('covers cosine and wsd with every warm-up and decay shape', () => {
    const specs = modernCases.map((c) => parseScheduleSpec(c.spec));
    expect(new Set(specs.map((spec) => spec.policy))).toEqual(new Set(['cosine', 'wsd']));
    const shapes = specs.flatMap((spec) =>
      spec.policy === 'wsd' ? [spec.warmupType, spec.decayType] : [],
    );
    expect(new Set(shapes)).toEqual(new Set(['linear', 'cosine', '1-sqrt']));
  });

  it.each(modernCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const spec = parseScheduleSpec(c.spec);
    const lrs = Array.from({ length: c.iterations }, (_, k) => lrAt(spec, k));
    expect(maxRelativeError(lrs, c.lr)).toBeLessThanOrEqual(1e-6);
    expect(momentumAt(spec, 0)).toBeUndefined();
  });
});

const lrArb = fc.double({ min: 1e-6, max: 10, noNaN: true });
const cyclicArb = fc
  .record({
    policy: fc.constantFrom('triangular', 'triangular2', 'exp_range'),
    a: lrArb,
    b: lrArb,
    stepSize: fc.integer({ min: 1, max: 500 }),
    stepSizeDown: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    gamma: fc.double({ min: 0.9, max: 1, noNaN: true }),
  })
  .map(({ policy, a, b, stepSize, stepSizeDown, gamma }) =>
    parseScheduleSpec({
      policy,
      baseLr: Math.min(a, b),
      maxLr: Math.max(a, b),
      stepSize,
      ...(stepSizeDown === undefined ? {} : { stepSizeDown }),
      ...(policy === 'exp_range' ? { gamma } : {}),
      cycleMomentum: true,
    }),
  );

describe('schedule properties', () => {
  it('cyclic LR stays within [baseLr, maxLr] and momentum within its bounds', () => {
    fc.assert(
      fc.property(cyclicArb, fc.integer({ min: 0, max: 100_000 }), (spec, k) => {
        if (!('baseLr' in spec)) return;
        const lr = lrAt(spec, k);
        const m = momentumAt(spec, k) ?? NaN;
        const eps = 1e-12 * spec.maxLr;
        expect(lr).toBeGreaterThanOrEqual(spec.baseLr - eps);
        expect(lr).toBeLessThanOrEqual(spec.maxLr + eps);
        expect(m).toBeGreaterThanOrEqual(spec.baseMomentum - 1e-12);
        expect(m).toBeLessThanOrEqual(spec.maxMomentum + 1e-12);
      }),
    );
  });

  it('triangular repeats every full cycle and starts each cycle at baseLr', () => {
    fc.assert(
      fc.property(cyclicArb, fc.integer({ min: 0, max: 10_000 }), (spec, k) => {
        if (spec.policy !== 'triangular') return;
        const period = spec.stepSize + (spec.stepSizeDown ?? spec.stepSize);
        expect(lrAt(spec, k + period)).toBeCloseTo(lrAt(spec, k), 12);
        expect(lrAt(spec, Math.floor(k / period) * period)).toBeCloseTo(spec.baseLr, 12);
      }),
    );
  });

  it('triangular2 halves the amplitude of each new cycle', () => {
    const spec = parseScheduleSpec({
      policy: 'triangular2',
      baseLr: 0.001,
      maxLr: 0.009,
      stepSize: 5,
    });
    const peaks = [5, 15, 25].map((k) => lrAt(spec, k) - 0.001);
    expect(peaks[1] / peaks[0]).toBeCloseTo(0.5, 12);
    expect(peaks[2] / peaks[1]).toBeCloseTo(0.5, 12);
  });

  it('SGDR restarts at maxLr and never reaches minLr inside a period', () => {
    const spec: ScheduleSpec = parseScheduleSpec({
      policy: 'cosine_restarts',
      maxLr: 0.1,
      minLr: 0.001,
      period: 10,
      periodMult: 2,
    });
    for (const restart of [0, 10, 30, 70]) expect(lrAt(spec, restart)).toBe(0.1);
    for (let k = 0; k < 150; k++) expect(lrAt(spec, k)).toBeGreaterThan(0.001);
  });

  it('cosine falls monotonically from maxLr to minLr, which it reaches at totalSteps and holds', () => {
    fc.assert(
      fc.property(scheduleSpecArb, (spec) => {
        if (spec.policy !== 'cosine') return;
        // Rounding may be off by an ulp or wobble where minLr is within a hair of maxLr.
        const eps = 1e-12 * spec.maxLr;
        expect(Math.abs(lrAt(spec, 0) - spec.maxLr)).toBeLessThanOrEqual(eps);
        for (let k = 1; k <= spec.totalSteps + 5; k++) {
          expect(lrAt(spec, k)).toBeLessThanOrEqual(lrAt(spec, k - 1) + eps);
        }
        expect(Math.abs(lrAt(spec, spec.totalSteps) - spec.minLr)).toBeLessThanOrEqual(eps);
        expect(lrAt(spec, spec.totalSteps + 1000)).toBe(lrAt(spec, spec.totalSteps));
      }),
    );
  });

  it('wsd rises through warm-up, holds maxLr, falls through decay and ends at minLrRatio·maxLr', () => {
    fc.assert(
      fc.property(scheduleSpecArb, (spec) => {
        if (spec.policy !== 'wsd') return;
        const { warmupSteps: w, stableSteps: s, decaySteps: d, maxLr, minLrRatio } = spec;
        const min = maxLr * minLrRatio;
        const eps = 1e-12 * maxLr;
        for (let k = 0; k < w + s + d + 10; k++) {
          const lr = lrAt(spec, k);
          expect(lr).toBeGreaterThanOrEqual(min - eps);
          expect(lr).toBeLessThanOrEqual(maxLr + eps);
          if (k > 0 && k < w) expect(lr).toBeGreaterThanOrEqual(lrAt(spec, k - 1) - eps);
          if (k >= w && k < w + s) expect(lr).toBe(maxLr);
          if (k > w + s && k < w + s + d) expect(lr).toBeLessThanOrEqual(lrAt(spec, k - 1) + eps);
          if (k >= w + s + d) expect(lr).toBeCloseTo(min, 15);
        }
        if (w > 0) expect(lrAt(spec, 0)).toBeCloseTo(min, 15);
      }),
    );
  });

  it('one-cycle starts at maxLr/divFactor, peaks at maxLr and ends at maxLr/(divFactor·finalDivFactor)', () => {
    const spec = parseScheduleSpec({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 101 });
    expect(lrAt(spec, 0)).toBeCloseTo(0.1 / 25, 15);
    const peak = Math.max(...Array.from({ length: 101 }, (_, k) => lrAt(spec, k)));
    expect(peak).toBeLessThanOrEqual(0.1);
    expect(peak).toBeGreaterThan(0.0999);
    expect(lrAt(spec, 100)).toBeCloseTo(0.1 / 25 / 1e4, 15);
  });
});
