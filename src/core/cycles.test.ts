import { describe, expect, it } from 'vitest';
import { cycleAt, cycleStarts, isCyclic, schedulePreview, stepSizeAdvice } from './cycles';
import { parseScheduleSpec } from './scheduleSpec';
import { lrAt } from './schedules';

describe('cycleAt', () => {
  const triangular = parseScheduleSpec({
    policy: 'triangular',
    baseLr: 0.001,
    maxLr: 0.006,
    stepSize: 4,
    stepSizeDown: 6,
  });

  it('numbers cycles from 1, rises for stepSize steps and falls for stepSizeDown', () => {
    const phases = Array.from({ length: 10 }, (_, k) => cycleAt(triangular, k).phase);
    expect(phases).toEqual([
      ...Array<string>(4).fill('rising'),
      ...Array<string>(6).fill('falling'),
    ]);
    expect(cycleAt(triangular, 9).cycleNum).toBe(1);
    expect(cycleAt(triangular, 10).cycleNum).toBe(2);
  });

  it('marks the last step of each cycle, right before the LR returns to baseLr', () => {
    const ends = Array.from({ length: 30 }, (_, k) => k).filter(
      (k) => cycleAt(triangular, k).isCycleEnd,
    );
    expect(ends).toEqual([9, 19, 29]);
    expect(lrAt(triangular, 10)).toBe(0.001);
  });

  it('SGDR cycle ends are the LR minima just before each restart', () => {
    const sgdr = parseScheduleSpec({
      policy: 'cosine_restarts',
      maxLr: 0.1,
      period: 5,
      periodMult: 2,
    });
    const ends = Array.from({ length: 40 }, (_, k) => k).filter((k) => cycleAt(sgdr, k).isCycleEnd);
    expect(ends).toEqual([4, 14, 34]);
    for (const k of ends) expect(lrAt(sgdr, k)).toBeLessThan(lrAt(sgdr, k - 1));
    expect(cycleStarts(sgdr, 40)).toEqual([0, 5, 15, 35]);
  });

  it('one-cycle has one cycle that ends at its last step', () => {
    const spec = parseScheduleSpec({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 50 });
    expect(cycleAt(spec, 49)).toEqual({ cycleNum: 1, phase: 'falling', isCycleEnd: true });
    expect(cycleAt(spec, 0).phase).toBe('rising');
  });

  it('non-cyclic policies never end a cycle', () => {
    const step = parseScheduleSpec({ policy: 'step', lr: 0.1, stepSize: 3, gamma: 0.5 });
    expect(cycleStarts(step, 100)).toEqual([0]);
  });

  it('cosine annealing and WSD anneal once: no cycle ends, phases follow the LR', () => {
    const cosine = parseScheduleSpec({ policy: 'cosine', maxLr: 0.1, totalSteps: 20 });
    const wsd = parseScheduleSpec({
      policy: 'wsd',
      maxLr: 0.1,
      warmupSteps: 3,
      stableSteps: 4,
      decaySteps: 5,
    });
    for (const spec of [cosine, wsd]) {
      expect(isCyclic(spec)).toBe(false);
      expect(cycleStarts(spec, 100)).toEqual([0]);
      for (let k = 0; k < 100; k++) expect(cycleAt(spec, k).isCycleEnd).toBe(false);
    }
    expect(cycleAt(cosine, 19).phase).toBe('falling');
    expect(cycleAt(cosine, 20).phase).toBe('flat');
    const phases = Array.from({ length: 14 }, (_, k) => cycleAt(wsd, k).phase);
    expect(phases).toEqual([
      ...Array<string>(3).fill('rising'),
      ...Array<string>(4).fill('flat'),
      ...Array<string>(5).fill('falling'),
      'flat',
      'flat',
    ]);
  });

  it('a preview of WSD keeps its stable plateau and its cooldown', () => {
    const wsd = parseScheduleSpec({
      policy: 'wsd',
      maxLr: 0.1,
      warmupSteps: 100,
      stableSteps: 600,
      decaySteps: 300,
      decayType: '1-sqrt',
    });
    const preview = schedulePreview(wsd, 1000, 100);
    expect(preview.momentum).toBeUndefined();
    expect(Math.max(...preview.lr)).toBe(0.1);
    expect(preview.lr[0]).toBe(0);
    expect(preview.lr.at(-1)).toBeLessThan(0.01);
  });
});

describe('stepSizeAdvice', () => {
  it("gives the paper's 2–10 epochs in iterations", () => {
    expect(stepSizeAdvice(938)).toEqual({
      iterationsPerEpoch: 938,
      minIterations: 1876,
      maxIterations: 9380,
    });
  });
});

describe('schedulePreview', () => {
  const spec = parseScheduleSpec({
    policy: 'triangular',
    baseLr: 0.001,
    maxLr: 0.006,
    stepSize: 7,
  });

  it('returns every step when they fit', () => {
    const preview = schedulePreview(spec, 100, 1500);
    expect(preview.steps).toHaveLength(100);
    expect(preview.lr[7]).toBe(lrAt(spec, 7));
    expect(preview.momentum).toBeUndefined();
  });

  it('keeps every cycle peak and trough when downsampling 50,000 steps to 1,000 points', () => {
    const preview = schedulePreview(spec, 50_000, 1000);
    expect(preview.steps.length).toBeLessThanOrEqual(1000);
    expect(Math.max(...preview.lr)).toBeCloseTo(0.006, 12);
    expect(Math.min(...preview.lr)).toBeCloseTo(0.001, 12);
    for (let i = 1; i < preview.steps.length; i++) {
      expect(preview.steps[i]).toBeGreaterThan(preview.steps[i - 1]);
    }
  });

  it('includes momentum when the spec cycles it', () => {
    const cycled = parseScheduleSpec({ ...spec, cycleMomentum: true });
    const preview = schedulePreview(cycled, 20, 1500);
    expect(preview.momentum?.[0]).toBe(0.9);
    expect(preview.momentum?.[7]).toBeCloseTo(0.8, 12);
  });
});
