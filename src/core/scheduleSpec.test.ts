import { describe, expect, it } from 'vitest';
import { parseScheduleSpec, safeParseScheduleSpec, ScheduleSpecError } from './scheduleSpec';

function rejection(json: unknown): { field: string; reason: string } {
  const result = safeParseScheduleSpec(json);
  if (result.ok) throw new Error(`expected ${JSON.stringify(json)} to be rejected`);
  return { field: result.error.field, reason: result.error.reason };
}

const triangular = { policy: 'triangular', baseLr: 0.001, maxLr: 0.006, stepSize: 2000 };
const wsd = { policy: 'wsd', maxLr: 0.1, warmupSteps: 100, stableSteps: 600, decaySteps: 300 };

describe('parseScheduleSpec rejects bad specs, naming the field and saying why', () => {
  it.each([
    ['a negative LR', { ...triangular, baseLr: -0.1 }, 'baseLr', /greater than 0/],
    ['a zero LR', { policy: 'fixed', lr: 0 }, 'lr', /greater than 0/],
    ['baseLr above maxLr', { ...triangular, baseLr: 0.1 }, 'baseLr', /must not exceed maxLr/],
    ['a zero step size', { ...triangular, stepSize: 0 }, 'stepSize', /greater than 0/],
    ['a negative step size', { ...triangular, stepSize: -5 }, 'stepSize', /greater than 0/],
    [
      'a fractional SGDR period',
      { policy: 'cosine_restarts', maxLr: 0.1, period: 2.5 },
      'period',
      /whole number/,
    ],
    [
      'an unknown policy',
      { policy: 'polynomial', lr: 0.1 },
      'policy',
      /unknown policy "polynomial"/,
    ],
    ['cosine with no length', { policy: 'cosine', maxLr: 0.1 }, 'totalSteps', /missing/],
    [
      'cosine with minLr above maxLr',
      { policy: 'cosine', maxLr: 0.1, minLr: 0.2, totalSteps: 10 },
      'minLr',
      /must not exceed maxLr/,
    ],
    ['a fractional WSD phase', { ...wsd, decaySteps: 2.5 }, 'decaySteps', /whole number/],
    ['a negative WSD phase', { ...wsd, warmupSteps: -1 }, 'warmupSteps', /at least 0/],
    ['an unknown WSD shape', { ...wsd, decayType: 'exp' }, 'decayType', /.+/],
    ['minLrRatio above 1', { ...wsd, minLrRatio: 1.5 }, 'minLrRatio', /at most 1/],
    [
      'a WSD with no length at all',
      { ...wsd, warmupSteps: 0, stableSteps: 0, decaySteps: 0 },
      'stableSteps',
      /no length/,
    ],
    ['NaN', { policy: 'fixed', lr: NaN }, 'lr', /.+/],
    ['Infinity', { ...triangular, maxLr: Infinity }, 'maxLr', /finite/],
    ['a missing field', { policy: 'triangular', baseLr: 0.001, stepSize: 10 }, 'maxLr', /missing/],
    ['a missing policy', { lr: 0.1 }, 'policy', /missing/],
    ['a string for a number', { policy: 'fixed', lr: '0.1' }, 'lr', /number/],
    ['an unknown field', { policy: 'fixed', lr: 0.1, momentum: 0.9 }, 'momentum', /not a field/],
    [
      'momentum of 1 or more',
      { ...triangular, cycleMomentum: true, maxMomentum: 1 },
      'maxMomentum',
      /less than 1/,
    ],
    [
      'inverted momentum bounds',
      { ...triangular, baseMomentum: 0.95, maxMomentum: 0.9 },
      'baseMomentum',
      /must not exceed maxMomentum/,
    ],
    [
      'a degenerate one-cycle warm-up',
      { policy: 'one_cycle', maxLr: 0.1, totalSteps: 10, pctStart: 0.1 },
      'pctStart',
      /exactly 1/,
    ],
  ])('%s', (_, json, field, reason) => {
    const error = rejection(json);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('rejects something that is not an object', () => {
    expect(() => parseScheduleSpec('triangular')).toThrow(ScheduleSpecError);
    expect(() => parseScheduleSpec(null)).toThrow(/JSON object/);
  });

  it('puts the field first in the message', () => {
    expect(() => parseScheduleSpec({ ...triangular, stepSize: 0 })).toThrow(/^stepSize: /);
  });
});

describe("parseScheduleSpec fills PyTorch's defaults", () => {
  it('cyclic: momentum 0.8/0.9, not cycled unless asked', () => {
    expect(parseScheduleSpec(triangular)).toEqual({
      ...triangular,
      cycleMomentum: false,
      baseMomentum: 0.8,
      maxMomentum: 0.9,
    });
  });

  it('exp_range: gamma 1', () => {
    expect(parseScheduleSpec({ ...triangular, policy: 'exp_range' })).toMatchObject({ gamma: 1 });
  });

  it('one-cycle: pctStart 0.3, divFactor 25, finalDivFactor 1e4, cos, momentum 0.85/0.95', () => {
    expect(parseScheduleSpec({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 100 })).toEqual({
      policy: 'one_cycle',
      maxLr: 0.1,
      totalSteps: 100,
      pctStart: 0.3,
      divFactor: 25,
      finalDivFactor: 1e4,
      anneal: 'cos',
      threePhase: false,
      cycleMomentum: false,
      baseMomentum: 0.85,
      maxMomentum: 0.95,
    });
  });

  it('SGDR: minLr 0, periodMult 1', () => {
    expect(parseScheduleSpec({ policy: 'cosine_restarts', maxLr: 0.1, period: 10 })).toEqual({
      policy: 'cosine_restarts',
      maxLr: 0.1,
      minLr: 0,
      period: 10,
      periodMult: 1,
    });
  });

  it('cosine: minLr 0 (CosineAnnealingLR eta_min)', () => {
    expect(parseScheduleSpec({ policy: 'cosine', maxLr: 0.1, totalSteps: 50 })).toEqual({
      policy: 'cosine',
      maxLr: 0.1,
      minLr: 0,
      totalSteps: 50,
    });
  });

  it("wsd: Transformers' linear warm-up, cosine decay and min_lr_ratio 0", () => {
    expect(parseScheduleSpec(wsd)).toEqual({
      ...wsd,
      warmupType: 'linear',
      decayType: 'cosine',
      minLrRatio: 0,
    });
  });

  it('a parsed spec parses to itself (the URL and export round trip)', () => {
    const spec = parseScheduleSpec({ ...triangular, policy: 'exp_range', gamma: 0.999 });
    expect(parseScheduleSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });
});
