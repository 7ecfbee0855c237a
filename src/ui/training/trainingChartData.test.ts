import { describe, expect, it } from 'vitest';
import { lrAt, parseScheduleSpec } from '../../core';
import { shadedCycles } from '../charts/cycleBands';
import { cycleBoundaries, plannedIterations, previewSeries } from './trainingChartData';

const triangular = parseScheduleSpec({
  policy: 'triangular',
  baseLr: 0.01,
  maxLr: 0.1,
  stepSize: 5,
});

describe('the run and its schedule', () => {
  it('plans a run in epochs, iterations or cycles as the engine counts them', () => {
    expect(plannedIterations(triangular, { unit: 'epochs', value: 2 }, 860)).toBe(1720);
    expect(plannedIterations(triangular, { unit: 'iterations', value: 300 }, 860)).toBe(300);
    expect(plannedIterations(triangular, { unit: 'cycles', value: 3 }, 860)).toBe(30);
    const fixed = parseScheduleSpec({ policy: 'fixed', lr: 0.1 });
    expect(plannedIterations(fixed, { unit: 'cycles', value: 3 }, 860)).toBe(860);
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

  it('plans a changed run as it now stands: each piece by its own spec and cycles', () => {
    const faster = parseScheduleSpec({ ...triangular, maxLr: 0.5, stepSize: 2 });
    const changes = [{ iteration: 12, spec: faster }];
    const preview = previewSeries(triangular, 20, 1000, changes);
    Array.from(preview.lr.ys).forEach((lr, k) =>
      expect(lr).toBe(lrAt(k < 12 ? triangular : faster, k)),
    );
    expect(Math.max(...Array.from(preview.lr.ys))).toBeCloseTo(0.5, 12);
    // A 10-step cycle ends after step 9; from 12 on, 4-step cycles end after 15 and 19.
    expect(cycleBoundaries(triangular, 24, 60, changes)).toEqual([10, 16, 20]);
  });
});
