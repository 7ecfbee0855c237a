import { describe, expect, it } from 'vitest';
import { trainingFlopsPerSample } from './cnnFlops';

describe('trainingFlopsPerSample', () => {
  it('counts conv1 0.23, conv2 1.8 and the dense layers 0.2 MFLOP forward, ×3 for training', () => {
    // The default model's layers: 3×3 convs 1→16 at 28², 16→32 at 14², dense 7²·32→64→10.
    const forward =
      2 * 28 * 28 * 9 * 1 * 16 + 2 * 14 * 14 * 9 * 16 * 32 + 2 * 7 * 7 * 32 * 64 + 2 * 64 * 10;
    expect(trainingFlopsPerSample({ widthMultiplier: 1 })).toBe(3 * forward);
  });

  it('grows with the square of the width in the second convolution', () => {
    const narrow = trainingFlopsPerSample({ widthMultiplier: 1 });
    const wide = trainingFlopsPerSample({ widthMultiplier: 2 });
    expect(wide / narrow).toBeGreaterThan(3);
    expect(wide / narrow).toBeLessThan(4);
  });
});
