import { describe, expect, it } from 'vitest';
import { cycleAt, lrAt } from '../../core';
import {
  RACE_OPTIMIZERS,
  defaultLrLegSpec,
  expRangeGamma,
  legOptimizer,
  optimizerLegSpec,
  policyLegs,
  raceIterations,
  raceLengthError,
  raceValidateEvery,
} from './raceLegs';

const BOUNDS = { baseLr: 0.01, maxLr: 0.04, stepSize: 430 };

function legsOf(iterations: number, bounds = BOUNDS) {
  const result = policyLegs(bounds, iterations);
  if (!result.ok) throw new Error(result.error);
  return result.legs;
}

function lrsOf(id: string, iterations: number, bounds = BOUNDS): number[] {
  const leg = legsOf(iterations, bounds).find((l) => l.id === id);
  if (!leg) throw new Error(`no leg ${id}`);
  return Array.from({ length: iterations }, (_, k) => lrAt(leg.spec, k));
}

describe('policy race legs', () => {
  it('can be narrowed to chosen legs, which keep their order and their schedules', () => {
    const picked = policyLegs(BOUNDS, 860, ['triangular2', 'fixedHalf']);
    if (!picked.ok) throw new Error(picked.error);
    expect(picked.legs.map((leg) => leg.id)).toEqual(['fixedHalf', 'triangular2']);
    const all = legsOf(860);
    expect(picked.legs[1].spec).toEqual(all.find((leg) => leg.id === 'triangular2')?.spec);
    expect(policyLegs(BOUNDS, 860, [])).toEqual({
      ok: false,
      error: 'pick at least one leg to race',
    });
  });

  it('are the nine policies of the race, in order', () => {
    expect(legsOf(860).map((leg) => leg.spec.policy)).toEqual([
      'fixed',
      'fixed',
      'triangular',
      'triangular2',
      'exp_range',
      'cosine_restarts',
      'one_cycle',
      'cosine',
      'wsd',
    ]);
  });

  it('anneal cosine from max to 0 over exactly the race', () => {
    const lrs = lrsOf('cosine', 860);
    expect(lrs[0]).toBeCloseTo(0.04, 12);
    expect(lrs[430]).toBeCloseTo(0.02, 3);
    expect(lrs[859]).toBeLessThan(0.04 * 1e-4);
  });

  it('run WSD at max after a 5 % warm-up, with a 1-sqrt cooldown over the last 20 % of the race', () => {
    for (const iterations of [860, 1001, 150]) {
      const lrs = lrsOf('wsd', iterations);
      const cooldownFrom = iterations - Math.round(0.2 * iterations);
      expect(lrs[Math.round(0.05 * iterations)]).toBe(0.04);
      expect(lrs[cooldownFrom - 1]).toBe(0.04);
      expect(lrs[cooldownFrom + 1]).toBeLessThan(0.04);
      // 1-sqrt: a quarter of the way into the cooldown the LR is already down by half.
      const quarter = cooldownFrom + Math.round(0.05 * iterations);
      expect(lrs[quarter]).toBeCloseTo(0.04 * (1 - Math.sqrt(0.25)), 2);
      expect(lrs[iterations - 1]).toBeLessThan(0.04 * 0.1);
    }
  });

  it('run the fixed legs at max/2 and max, the CLR legs between the bounds with the form stepsize', () => {
    expect(lrsOf('fixedHalf', 10)).toEqual(Array(10).fill(0.02));
    expect(lrsOf('fixedMax', 10)).toEqual(Array(10).fill(0.04));
    const triangular = lrsOf('triangular', 860);
    expect(triangular[0]).toBeCloseTo(0.01, 12);
    expect(triangular[430]).toBeCloseTo(0.04, 12);
    expect(Math.min(...triangular)).toBeCloseTo(0.01, 12);
    expect(Math.max(...triangular)).toBeCloseTo(0.04, 12);
  });

  it('shrink exp_range to a tenth of its amplitude by the end of the race', () => {
    const gamma = expRangeGamma(860);
    expect(gamma ** 860).toBeCloseTo(0.1, 4);
    // Peak of the second cycle (k = 3·430) in a 4-stepsize race: amplitude gamma^k.
    const lrs = lrsOf('exp_range', 1720);
    expect(lrs[1290]).toBeCloseTo(0.01 + 0.03 * expRangeGamma(1720) ** 1290, 10);
  });

  it('fit SGDR restarts to the race: the last cycle ends on its last step, at the base LR', () => {
    for (const iterations of [150, 860, 2580, 1001]) {
      const leg = legsOf(iterations).find((l) => l.id === 'sgdr');
      if (!leg) throw new Error('no SGDR leg');
      const ends = Array.from({ length: iterations }, (_, k) => k).filter(
        (k) => cycleAt(leg.spec, k).isCycleEnd,
      );
      expect(ends.length).toBeGreaterThanOrEqual(1);
      // The last restart ends within one cycle-rounding of the race end, never after it.
      expect(iterations - 1 - (ends.at(-1) ?? -1)).toBeLessThan(ends.length);
      expect(lrAt(leg.spec, 0)).toBeCloseTo(0.04, 12);
    }
    // One-epoch race, half-epoch stepsize: one cosine from max to base over the whole race.
    const lrs = lrsOf('sgdr', 860);
    expect(lrs[859]).toBeLessThan(0.0101);
  });

  it('fit one-cycle to the race: from the base LR up to max and far below base at the end', () => {
    const lrs = lrsOf('one_cycle', 860);
    expect(lrs[0]).toBeCloseTo(0.01, 12);
    expect(Math.max(...lrs)).toBeCloseTo(0.04, 6);
    expect(lrs[859]).toBeLessThan(0.01 / 1000);
  });

  it('refuse bounds the schedules refuse, naming the leg and the field', () => {
    const result = policyLegs({ ...BOUNDS, baseLr: 0.1 }, 860);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^triangular: baseLr: .*maxLr/),
    });
    const zero = policyLegs({ ...BOUNDS, stepSize: 0 }, 860);
    expect(zero.ok).toBe(false);
  });
});

describe('race length and validation cadence', () => {
  it('converts epochs to whole steps and keeps iterations as they are', () => {
    expect(raceIterations({ unit: 'epochs', value: 1 }, 860)).toBe(860);
    expect(raceIterations({ unit: 'epochs', value: 0.5 }, 859)).toBe(430);
    expect(raceIterations({ unit: 'iterations', value: 150 }, 860)).toBe(150);
  });

  it('rejects lengths that cannot run, saying why', () => {
    expect(raceLengthError({ unit: 'epochs', value: 0 })).toMatch(/above 0/);
    expect(raceLengthError({ unit: 'iterations', value: 12.5 })).toMatch(/whole number/);
    expect(raceLengthError({ unit: 'epochs', value: 1.5 })).toBeNull();
  });

  it('validates 8 times an epoch, or 8 times a shorter leg', () => {
    expect(raceValidateEvery(860, 860)).toBe(108);
    expect(raceValidateEvery(2580, 860)).toBe(108);
    expect(raceValidateEvery(150, 860)).toBe(19);
    expect(raceValidateEvery(3, 860)).toBe(1);
  });
});

describe('optimizer race legs', () => {
  it('train triangular between the range-test bounds, WSD at their max, or fixed at their mean', () => {
    const bounds = { baseLr: 0.0005, maxLr: 0.002, stepSize: 100 };
    const clr = optimizerLegSpec(bounds, 'triangular', 860);
    expect(clr.ok && clr.spec).toMatchObject({
      policy: 'triangular',
      baseLr: 0.0005,
      maxLr: 0.002,
      stepSize: 100,
    });
    const fixed = optimizerLegSpec(bounds, 'fixed', 860);
    expect(fixed.ok && fixed.spec).toEqual({ policy: 'fixed', lr: 0.00125 });
    // WSD spans the race exactly, with the policy race's phases.
    const wsd = optimizerLegSpec(bounds, 'wsd', 860);
    if (!wsd.ok) throw new Error(wsd.error);
    expect(wsd.spec).toMatchObject({ policy: 'wsd', maxLr: 0.002, decayType: '1-sqrt' });
    const policyWsd = legsOf(860).find((leg) => leg.id === 'wsd');
    expect(wsd.spec).toEqual({ ...policyWsd?.spec, maxLr: 0.002 });
    expect(lrAt(wsd.spec, 859)).toBeLessThan(0.002 / 10);
  });

  it('run Schedule-Free and Prodigy without a range test at their default LR, and AdamW with one', () => {
    const untested = RACE_OPTIMIZERS.filter((entry) => entry.defaultLr !== undefined);
    expect(untested.map((entry) => [entry.optimizer, entry.defaultLr])).toEqual([
      ['sgdScheduleFree', 1],
      ['adamwScheduleFree', 0.0025],
      ['prodigy', 1],
    ]);
    for (const entry of untested) {
      if (entry.defaultLr === undefined) continue;
      const { spec } = defaultLrLegSpec({ ...entry, defaultLr: entry.defaultLr });
      expect(spec).toEqual({ policy: 'fixed', lr: entry.defaultLr });
    }
    expect(RACE_OPTIMIZERS.find((entry) => entry.optimizer === 'adamw')?.defaultLr).toBeUndefined();
  });

  it('report bad bounds with the field', () => {
    const bad = optimizerLegSpec({ baseLr: 0.1, maxLr: 0.01, stepSize: 100 }, 'triangular', 860);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/baseLr/) });
  });
});

describe('the no-schedule legs of the policy race', () => {
  const bounds = { baseLr: 0.016, maxLr: 0.066, stepSize: 430 };

  it('are left out unless asked for, so the default race is every schedule under one optimizer', () => {
    const legs = policyLegs(bounds, 860);
    expect(legs.ok && legs.legs.every((leg) => leg.optimizer === undefined)).toBe(true);
  });

  it('train Schedule-Free SGD and Prodigy at their default LR, fixed, beside the schedules', () => {
    const legs = policyLegs(bounds, 860, ['one_cycle', 'wsd', 'scheduleFreeSgd', 'prodigy']);
    if (!legs.ok) throw new Error(legs.error);
    expect(legs.legs.map((leg) => leg.optimizer)).toEqual([
      undefined,
      undefined,
      'sgdScheduleFree',
      'prodigy',
    ]);
    for (const leg of legs.legs.slice(2)) {
      const entry = RACE_OPTIMIZERS.find((o) => o.optimizer === leg.optimizer);
      expect(leg.spec).toEqual({ policy: 'fixed', lr: entry?.defaultLr });
    }
  });
});

describe("a race leg's optimizer options", () => {
  const page = { optimizer: 'adamw', optimizerOptions: { weightDecay: 0.05 } } as const;

  it("are the page's where the leg trains with the page's optimizer", () => {
    expect(legOptimizer('adamw', page)).toEqual(page);
  });

  it("are the leg optimizer's own defaults otherwise (the page's would not fit it)", () => {
    expect(legOptimizer('prodigy', page)).toEqual({
      optimizer: 'prodigy',
      optimizerOptions: undefined,
    });
  });
});
