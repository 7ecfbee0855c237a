import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../worker/contract';
import { curveSeries, cycleEndEnsembles, ensembleGain } from './snapshotCurves';

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

const validations = [
  validation({ iteration: 5, accuracy: 0.9 }),
  validation({ iteration: 10, accuracy: 0.93, isCycleEnd: true, ensembleByM: [0.93] }),
  validation({ iteration: 15, accuracy: 0.94, cycleNum: 2 }),
  validation({
    iteration: 20,
    accuracy: 0.95,
    cycleNum: 2,
    isCycleEnd: true,
    ensembleByM: [0.95, 0.96],
    ensembleAccuracy: 0.96,
    ensembleSize: 2,
  }),
  // The run's last validation mid-cycle, and a cycle end of a run without snapshots.
  validation({ iteration: 22, accuracy: 0.951, cycleNum: 3 }),
];

describe('snapshot curves', () => {
  it('takes the cycle ends that kept snapshots, oldest first', () => {
    const ends = cycleEndEnsembles([
      ...validations,
      validation({ iteration: 30, isCycleEnd: true, cycleNum: 3 }),
    ]);
    expect(ends.map((end) => [end.cycleNum, end.iteration, end.single])).toEqual([
      [1, 10, 0.93],
      [2, 20, 0.95],
    ]);
  });

  it('draws each cycle end as a curve of accuracy against ensemble size m', () => {
    const ends = cycleEndEnsembles(validations);
    expect(ends.map(curveSeries)).toEqual([
      { xs: [1], ys: [0.93] },
      { xs: [1, 2], ys: [0.95, 0.96] },
    ]);
  });

  it('measures the full ensemble against the single model', () => {
    const [first, second] = cycleEndEnsembles(validations);
    expect(ensembleGain(first)).toEqual({ size: 1, accuracy: 0.93, gain: 0 });
    const gain = ensembleGain(second);
    expect(gain.size).toBe(2);
    expect(gain.accuracy).toBe(0.96);
    expect(gain.gain).toBeCloseTo(0.01, 12);
  });
});
