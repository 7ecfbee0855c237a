import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../worker/contract';
import {
  accuracySummary,
  bestPerCycle,
  ensembleSeries,
  validationSeries,
} from './validationSeries';

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
