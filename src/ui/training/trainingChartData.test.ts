import { describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../core';
import type { ValidationResult } from '../../worker/contract';
import {
  accuracyAxis,
  accuracySummary,
  bestPerCycle,
  cycleBoundaries,
  ensembleSeries,
  epochTicks,
  linePath,
  logAxis,
  nearestIndex,
  niceLinearAxis,
  plannedIterations,
  positiveAxis,
  previewSeries,
  sampleSteps,
  shadedCycles,
  validationSeries,
  valueExtent,
} from './trainingChartData';

const triangular = parseScheduleSpec({
  policy: 'triangular',
  baseLr: 0.01,
  maxLr: 0.1,
  stepSize: 5,
});

function validation(change: Partial<ValidationResult>): ValidationResult {
  return {
    type: 'validation',
    iteration: 0,
    loss: 0.1,
    accuracy: 0.9,
    isCycleEnd: false,
    cycleNum: 1,
    ensembleAccuracy: null,
    ensembleSize: 0,
    ensembleByM: [],
    ...change,
  };
}

/** A pixel scale that just doubles, so paths are easy to read. */
const double = (value: number) => value * 2;

describe('sampleSteps', () => {
  it('draws 50,000 steps with at most 1,500 points, keeping spikes and reading every column there', () => {
    const loss = Float64Array.from({ length: 50_000 }, (_, k) => 1 + Math.sin(k / 40));
    loss[31_415] = 50;
    const smoothed = Float64Array.from(loss, (_, k) => k);
    const { xs, ys } = sampleSteps({ loss, smoothed }, 'loss', 1500);
    expect(xs.length).toBeLessThanOrEqual(1500);
    expect(xs).toContain(31_415);
    expect(ys.loss).toBeInstanceOf(Float64Array);
    xs.forEach((k, i) => {
      expect(ys.loss[i]).toBe(loss[k]);
      expect(ys.smoothed[i]).toBe(k);
    });
  });
});

describe('linePath', () => {
  it('joins the points and breaks the line at a missing value', () => {
    const path = linePath({ xs: [0, 1, 2, 3, 4], ys: [1, 2, NaN, 3, 4] }, double, double);
    expect(path).toBe('M0.0,2.0L2.0,4.0M6.0,6.0L8.0,8.0');
  });

  it('shows a lone point as a zero-length segment (a dot with round caps)', () => {
    expect(linePath({ xs: [0, 1, 2], ys: [1, Infinity, 3] }, double, double)).toBe(
      'M0.0,2.0h0M4.0,6.0h0',
    );
  });

  it('skips values the scale cannot place (a log axis and zero)', () => {
    const log = (value: number) => (value > 0 ? Math.log10(value) : undefined);
    expect(linePath({ xs: [1, 10, 100], ys: [0, 10, 100] }, log, log)).toBe('M1.0,1.0L2.0,2.0');
  });
});

describe('nearestIndex', () => {
  it('finds the nearest x, at either end too', () => {
    const xs = [0, 10, 20, 30];
    expect(nearestIndex(xs, 14)).toBe(1);
    expect(nearestIndex(xs, 16)).toBe(2);
    expect(nearestIndex(xs, -5)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('value axes', () => {
  it('finds the finite extent, positive values only for a log axis', () => {
    const series = { xs: [0, 1, 2, 3], ys: [0, 0.5, NaN, 4] };
    expect(valueExtent([series])).toEqual([0, 4]);
    expect(valueExtent([series], true)).toEqual([0.5, 4]);
    expect(valueExtent([{ xs: [], ys: [] }])).toBeNull();
  });

  it('rounds a linear axis out to a tick step and labels every step', () => {
    expect(niceLinearAxis(0, 0.06)).toEqual({ domain: [0, 0.06], ticks: [0, 0.02, 0.04, 0.06] });
    expect(niceLinearAxis(0, 3.6)).toEqual({ domain: [0, 4], ticks: [0, 1, 2, 3, 4] });
    expect(niceLinearAxis(0.8, 0.9).ticks).toEqual([0.8, 0.825, 0.85, 0.875, 0.9]);
    expect(niceLinearAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('never labels more than five ticks', () => {
    for (const max of [0.011, 0.37, 1.9, 7.3, 123, 9_999]) {
      const { domain, ticks } = niceLinearAxis(0, max);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(domain[1]).toBeGreaterThanOrEqual(max);
    }
  });

  it('spans whole decades on a log axis, with 2× and 5× ticks when that is few', () => {
    expect(logAxis(0.003, 0.4)).toEqual({ domain: [0.001, 1], ticks: [0.001, 0.01, 0.1, 1] });
    expect(logAxis(0.02, 0.08)).toEqual({ domain: [0.01, 0.1], ticks: [0.01, 0.02, 0.05, 0.1] });
  });

  it('starts a linear axis of positive values at zero', () => {
    const lr = { xs: [0, 1], ys: [0.01, 0.1] };
    expect(positiveAxis([lr], false).domain).toEqual([0, 0.1]);
    expect(positiveAxis([lr], true).domain).toEqual([0.01, 0.1]);
  });

  it('zooms the accuracy axis past the first steps when asked', () => {
    const train = { xs: [0, 100, 200, 300], ys: [0.1, 0.9, 0.975, 0.985] };
    expect(accuracyAxis([train]).domain).toEqual([0, 1]);
    expect(accuracyAxis([train], 200).domain).toEqual([0.97, 1]);
    expect(accuracyAxis([{ xs: [], ys: [] }]).domain).toEqual([0, 1]);
  });
});

describe('the run and its schedule', () => {
  it('plans a run in epochs, iterations or cycles as the engine counts them', () => {
    expect(plannedIterations(triangular, { unit: 'epochs', value: 2 }, 860)).toBe(1720);
    expect(plannedIterations(triangular, { unit: 'iterations', value: 300 }, 860)).toBe(300);
    expect(plannedIterations(triangular, { unit: 'cycles', value: 3 }, 860)).toBe(30);
    const fixed = parseScheduleSpec({ policy: 'fixed', lr: 0.1 });
    expect(plannedIterations(fixed, { unit: 'cycles', value: 3 }, 860)).toBe(860);
  });

  it('ticks whole epochs, thinned so at most seven fit', () => {
    expect(epochTicks(4 * 860, 860)).toEqual([0, 860, 1720, 2580, 3440]);
    const many = epochTicks(58 * 860, 860) ?? [];
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many.every((k) => k % (10 * 860) === 0)).toBe(true);
    expect(epochTicks(500, 860)).toBeUndefined();
  });

  it('marks where each cycle begins, and every other cycle for shading', () => {
    const boundaries = cycleBoundaries(triangular, 40);
    expect(boundaries).toEqual([10, 20, 30]);
    expect(shadedCycles(boundaries, 40)).toEqual([
      { cycleNum: 2, x1: 10, x2: 20 },
      { cycleNum: 4, x1: 30, x2: 40 },
    ]);
    expect(cycleBoundaries(triangular, 10_000)).toEqual([]);
  });

  it('previews momentum only when the schedule cycles it', () => {
    expect(previewSeries(triangular, 100).momentum).toBeNull();
    const cycled = parseScheduleSpec({ ...triangular, cycleMomentum: true });
    expect(previewSeries(cycled, 100).momentum?.ys[0]).toBeCloseTo(0.9);
  });
});

describe('validations', () => {
  const validations = [
    validation({ iteration: 5, accuracy: 0.95, cycleNum: 1 }),
    validation({ iteration: 10, accuracy: 0.96, cycleNum: 1, isCycleEnd: true }),
    validation({ iteration: 15, accuracy: 0.975, cycleNum: 2 }),
    validation({
      iteration: 20,
      accuracy: 0.97,
      cycleNum: 2,
      isCycleEnd: true,
      ensembleAccuracy: 0.981,
      ensembleSize: 2,
    }),
  ];

  it('draws validation accuracy at the steps done when measured', () => {
    expect(validationSeries(validations)).toEqual({
      xs: [5, 10, 15, 20],
      ys: [0.95, 0.96, 0.975, 0.97],
    });
  });

  it("marks each cycle's best validation", () => {
    expect(bestPerCycle(validations)).toEqual({ xs: [10, 15], ys: [0.96, 0.975] });
  });

  it('puts the snapshot ensemble at the cycle ends where it was measured', () => {
    expect(ensembleSeries(validations)).toEqual({ xs: [20], ys: [0.981] });
  });

  it('sums up the last validation and the last ensemble in one line', () => {
    expect(accuracySummary(validations)).toBe('Validation 97.0% · ensemble 98.1%');
    expect(accuracySummary(validations.slice(0, 1))).toBe('Validation 95.0%');
    expect(accuracySummary([])).toBeNull();
  });
});
