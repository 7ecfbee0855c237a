import { describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../core';
import { trainingRunName } from './runNames';

const spec = parseScheduleSpec;
const epochs = (value: number) => ({ unit: 'epochs', value }) as const;

describe('the names kept training runs get', () => {
  it('tell two cyclical runs apart by their bounds', () => {
    const low = spec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 100 });
    const high = spec({ policy: 'triangular', baseLr: 0.01, maxLr: 0.1, stepSize: 100 });
    const a = trainingRunName(low, epochs(2), 'sgdMomentum');
    const b = trainingRunName(high, epochs(2), 'sgdMomentum');
    expect(a).not.toBe(b);
    expect(a).toContain('0.001');
    expect(a).toContain('0.01');
    expect(a).toContain('2 epochs');
  });

  it('name one epoch in the singular and the optimizer when it is not the default', () => {
    const fixed = spec({ policy: 'fixed', lr: 0.05 });
    expect(trainingRunName(fixed, epochs(1), 'sgdMomentum')).toBe('fixed 0.05, 1 epoch');
    expect(trainingRunName(fixed, epochs(1), 'adam')).toBe('fixed 0.05, 1 epoch, Adam');
  });

  it('say what a run was changed to mid-run, not only where it started', () => {
    const start = spec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 100 });
    const higher = spec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.1, stepSize: 100 });
    const shorter = spec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 10 });
    const once = [{ iteration: 120, spec: higher }];
    expect(trainingRunName(start, epochs(2), 'sgdMomentum', once)).toBe(
      'triangular 0.001–0.01 → 0.001–0.1 at 120, 2 epochs',
    );
    const fixed = [{ iteration: 40, spec: spec({ policy: 'fixed', lr: 0.05 }) }];
    expect(trainingRunName(start, epochs(2), 'sgdMomentum', fixed)).toContain('→ fixed 0.05 at 40');
    // Same bounds, another step size: the name still says the run was changed.
    const stepOnly = [{ iteration: 7, spec: shorter }];
    expect(trainingRunName(start, epochs(2), 'sgdMomentum', stepOnly)).toBe(
      'triangular 0.001–0.01 (1 change), 2 epochs',
    );
    const twice = [...once, { iteration: 300, spec: shorter }];
    expect(trainingRunName(start, epochs(2), 'sgdMomentum', twice)).toBe(
      'triangular 0.001–0.01 (2 changes), 2 epochs',
    );
  });
});
