import { describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../scheduleSpec';
import { kerasCode } from './kerasCode';
import { pytorchCode } from './pytorchCode';

const initial = parseScheduleSpec({
  policy: 'triangular',
  baseLr: 0.001,
  maxLr: 0.01,
  stepSize: 400,
});
const raised = parseScheduleSpec({
  policy: 'triangular',
  baseLr: 0.001,
  maxLr: 0.1,
  stepSize: 400,
});
const options = { optimizer: 'sgdMomentum' as const, batchSize: 64, iterationsPerEpoch: 860 };

describe('the code export of a run changed mid-run', () => {
  it('lists which spec set which steps, in both languages', () => {
    const history = {
      initial,
      changes: [
        { iteration: 120, spec: raised },
        { iteration: 300, spec: initial },
      ],
    };
    for (const generate of [pytorchCode, kerasCode]) {
      const code = generate(raised, { ...options, history });
      expect(code).toContain(`#   steps 0–119: ${JSON.stringify(initial)}`);
      expect(code).toContain(`#   steps 120–299: ${JSON.stringify(raised)}`);
      expect(code).toContain(`#   from step 300 on: ${JSON.stringify(initial)}`);
    }
  });

  it('says nothing of changes when there were none', () => {
    const plain = pytorchCode(initial, options);
    expect(pytorchCode(initial, { ...options, history: { initial, changes: [] } })).toBe(plain);
    expect(plain).not.toContain('changed its schedule');
  });
});
