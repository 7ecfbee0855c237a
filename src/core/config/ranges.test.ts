import { describe, expect, it } from 'vitest';
import { parseScheduleSpec, safeParseScheduleSpec } from '../scheduleSpec';
import { schedulePreview } from '../cycles';
import { DEFAULT_RANGE_TEST, rangeTestConfigSchema } from './rangeTestConfig';
import { LR_RANGE, MAX_RUN_ITERATIONS, SEED_RANGE } from './ranges';
import { runIterations, runLengthSchema } from './runLength';
import { sessionConfigSchema } from './sessionConfig';
import { trainConfigSchema } from './trainConfig';

const session = {
  dataset: 'synthetic',
  model: { widthMultiplier: 1, batchNorm: false, dropoutRate: 0 },
  optimizer: 'sgd',
  batchSize: 64,
  seed: 1,
  augment: false,
} as const;

const triangularJson = { policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 100 };
const triangular = parseScheduleSpec(triangularJson);

function reason(json: unknown): string | null {
  const parsed = safeParseScheduleSpec(json);
  return parsed.ok ? null : parsed.error.message;
}

describe('the ranges a user can ask for', () => {
  it('refuses an LR too small to divide by (item 2) or too large to mean anything, naming the range', () => {
    expect(reason({ policy: 'fixed', lr: 5e-324 })).toBe('lr: must be between 1e-8 and 10000');
    expect(reason({ policy: 'fixed', lr: 1e5 })).toBe('lr: must be between 1e-8 and 10000');
    expect(reason({ policy: 'fixed', lr: LR_RANGE.min })).toBeNull();
    expect(reason({ policy: 'fixed', lr: LR_RANGE.max })).toBeNull();
    // One message for a negative rate, not two.
    expect(reason({ policy: 'fixed', lr: -1 })).toBe('lr: must be greater than 0');
  });

  it('refuses a step size past the longest run (item 3: no "Infinity steps" in a code export)', () => {
    expect(reason({ ...triangularJson, stepSize: 1e308 })).toBe(
      `stepSize: must be at most ${MAX_RUN_ITERATIONS}`,
    );
    expect(reason({ policy: 'one_cycle', maxLr: 0.1, totalSteps: 1e308 })).toMatch(/totalSteps/);
    expect(reason({ policy: 'cosine_restarts', maxLr: 0.1, period: 1e9 })).toMatch(/period/);
    expect(reason({ ...triangularJson, stepSize: MAX_RUN_ITERATIONS })).toBeNull();
  });

  it('caps a run in every unit (item 1: 1e308 epochs, 1e9 iterations)', () => {
    for (const unit of ['epochs', 'iterations', 'cycles'] as const) {
      const parsed = runLengthSchema.safeParse({ unit, value: 1e308 });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toBe(`must be at most ${MAX_RUN_ITERATIONS}`);
    }
    // Epochs that fit the unit cap but not the step cap: no step count, so the engine refuses.
    expect(runIterations(triangular, { unit: 'epochs', value: 1e5 }, 100)).toBeNull();
    expect(runIterations(triangular, { unit: 'epochs', value: 2 }, 100)).toBe(200);
  });

  it('refuses cycles for a schedule that has none, at the length unit', () => {
    const parsed = trainConfigSchema.safeParse({
      schedule: { policy: 'fixed', lr: 0.01 },
      length: { unit: 'cycles', value: 3 },
      validateEvery: 50,
      maxSnapshots: 0,
      testAtEnd: false,
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['length.unit', 'must not be cycles: a fixed schedule has no cycles'],
    ]);
  });

  it('takes whole 32-bit seeds only (larger ones repeat the data order)', () => {
    const seed = (value: number) => sessionConfigSchema.safeParse({ ...session, seed: value });
    expect(seed(SEED_RANGE.max).success).toBe(true);
    expect(seed(0).success).toBe(true);
    expect(seed(2 ** 32).error?.issues[0].message).toBe(
      `must be at most ${SEED_RANGE.max} (seeds are 32-bit)`,
    );
    expect(seed(-1).success).toBe(false);
    expect(seed(1.5).success).toBe(false);
  });

  it('puts both ends of a range test inside the LR range', () => {
    const parsed = rangeTestConfigSchema.safeParse({ ...DEFAULT_RANGE_TEST, endLr: 1e300 });
    expect(parsed.error?.issues[0].path).toEqual(['endLr']);
    expect(parsed.error?.issues[0].message).toBe('must be between 1e-8 and 10000');
  });
});

describe('plans are walked in bounded time', () => {
  it('previews a plan of a billion (or infinitely many) steps quickly (item 1)', () => {
    for (const n of [1e9, Infinity, NaN, -5]) {
      const started = performance.now();
      const preview = schedulePreview(triangular, n, 1000);
      expect(performance.now() - started).toBeLessThan(500);
      expect(preview.steps.length).toBeLessThanOrEqual(1000);
      for (const k of preview.steps) expect(k).toBeLessThan(MAX_RUN_ITERATIONS);
    }
  });

  it('counts cycles no further than the step cap', () => {
    const started = performance.now();
    expect(runIterations(triangular, { unit: 'cycles', value: 1e6 }, 100)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
