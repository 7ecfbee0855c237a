import { describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../scheduleSpec';
import { runIterations, runLengthSchema } from './runLength';

const triangular = parseScheduleSpec({
  policy: 'triangular',
  baseLr: 0.001,
  maxLr: 0.01,
  stepSize: 5,
});
const sgdr = parseScheduleSpec({
  policy: 'cosine_restarts',
  maxLr: 0.1,
  period: 10,
  periodMult: 2,
});
const oneCycle = parseScheduleSpec({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 40 });
const fixed = parseScheduleSpec({ policy: 'fixed', lr: 0.1 });

describe('runIterations: how many steps a run lasts', () => {
  it('rounds epochs to whole steps and takes iterations as they are', () => {
    expect(runIterations(triangular, { unit: 'epochs', value: 2 }, 860)).toBe(2 * 860);
    expect(runIterations(triangular, { unit: 'epochs', value: 0.5 }, 859)).toBe(
      Math.round(0.5 * 859),
    );
    expect(runIterations(fixed, { unit: 'iterations', value: 300 }, 860)).toBe(300);
  });

  it('counts cycles by their ends, however long each cycle is', () => {
    // A triangular cycle is a rise and a fall of stepSize steps each.
    expect(runIterations(triangular, { unit: 'cycles', value: 3 }, 860)).toBe(3 * 2 * 5);
    // SGDR periods 10, 20, 40: the third restart is due after all three.
    expect(runIterations(sgdr, { unit: 'cycles', value: 3 }, 860)).toBe(10 + 20 + 40);
    expect(runIterations(oneCycle, { unit: 'cycles', value: 1 }, 860)).toBe(40);
  });

  it('gives no count when the cycles never end within the limit', () => {
    expect(runIterations(fixed, { unit: 'cycles', value: 1 }, 860)).toBeNull();
    expect(runIterations(oneCycle, { unit: 'cycles', value: 2 }, 860, 1000)).toBeNull();
    expect(runIterations(triangular, { unit: 'cycles', value: 3 }, 860, 29)).toBeNull();
  });
});

describe('runLengthSchema', () => {
  it('takes fractional epochs but only whole iterations and cycles', () => {
    expect(runLengthSchema.safeParse({ unit: 'epochs', value: 1.5 }).success).toBe(true);
    const cycles = runLengthSchema.safeParse({ unit: 'cycles', value: 1.5 });
    expect(cycles.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['value'], 'must be a whole number of cycles'],
    ]);
    expect(runLengthSchema.safeParse({ unit: 'epochs', value: 0 }).success).toBe(false);
    expect(runLengthSchema.safeParse({ unit: 'hours', value: 1 }).success).toBe(false);
  });
});
