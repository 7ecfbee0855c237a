import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE_TEST, NUM_ITER_RANGE, rangeTestConfigSchema } from './rangeTestConfig';

function fieldsRefused(config: unknown): string[] {
  const parsed = rangeTestConfigSchema.safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('rangeTestConfigSchema', () => {
  it('accepts the default sweep and both ends of the step limits', () => {
    expect(fieldsRefused(DEFAULT_RANGE_TEST)).toEqual([]);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, numIter: NUM_ITER_RANGE.min })).toEqual([]);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, numIter: NUM_ITER_RANGE.max })).toEqual([]);
  });

  it('names every bad field at once, so a form can mark each', () => {
    const bad = { ...DEFAULT_RANGE_TEST, startLr: 1, endLr: 0.5, numIter: NUM_ITER_RANGE.max + 1 };
    expect(fieldsRefused(bad)).toEqual(['numIter', 'endLr']);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, startLr: 0, divergeFactor: 1 })).toEqual([
      'startLr',
      'divergeFactor',
    ]);
  });

  it('refuses an end LR equal to the start, and a fractional step count', () => {
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, endLr: DEFAULT_RANGE_TEST.startLr })).toEqual([
      'endLr',
    ]);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, numIter: 20.5 })).toEqual(['numIter']);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, endLr: Number.POSITIVE_INFINITY })).toEqual([
      'endLr',
    ]);
  });

  it('takes 1, 3, 5 or 10 repeats, and a sweep saved before repeats existed as one repeat', () => {
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, repeats: 5 })).toEqual([]);
    expect(fieldsRefused({ ...DEFAULT_RANGE_TEST, repeats: 4 })).toEqual(['repeats']);
    const older: Partial<typeof DEFAULT_RANGE_TEST> = { ...DEFAULT_RANGE_TEST };
    delete older.repeats;
    delete older.reinitWeights;
    expect(rangeTestConfigSchema.parse(older)).toMatchObject({ repeats: 1, reinitWeights: false });
  });
});
