import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE_TEST } from '../../core';
import { rangeTestConfigErrors } from './rangeTestConfigErrors';

describe("the sweep panel's messages", () => {
  it('has nothing to say about the default sweep', () => {
    expect(rangeTestConfigErrors(DEFAULT_RANGE_TEST)).toEqual({});
  });

  it("says what to change in the panel's words, per field", () => {
    expect(
      rangeTestConfigErrors({ ...DEFAULT_RANGE_TEST, startLr: 0, numIter: 5, divergeFactor: 1 }),
    ).toEqual({
      startLr: 'Start LR must be above 0.',
      numIter: 'Use at least 10 iterations.',
      divergeFactor: 'Stop at must be above 1 × best.',
    });
    expect(rangeTestConfigErrors({ ...DEFAULT_RANGE_TEST, endLr: 1e-6, numIter: 6000 })).toEqual({
      endLr: 'End LR must be above Start LR.',
      numIter: 'Use at most 5,000 iterations.',
    });
    expect(rangeTestConfigErrors({ ...DEFAULT_RANGE_TEST, numIter: 20.5 })).toEqual({
      numIter: 'Use a whole number of iterations.',
    });
  });
});
