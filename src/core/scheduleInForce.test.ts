import { describe, expect, it } from 'vitest';
import { changedCycleEnds, changedRunIterations } from './changedRunLength';
import { scheduleChangesSchema } from './config/scheduleChanges';
import { schedulePreview } from './cycles';
import { parseScheduleSpec } from './scheduleSpec';
import { specInForce } from './scheduleInForce';
import { lrAt } from './schedules';

const slow = parseScheduleSpec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 10 });
const fast = parseScheduleSpec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.1, stepSize: 3 });
const fixed = parseScheduleSpec({ policy: 'fixed', lr: 0.05 });

describe('the schedule in force at step k', () => {
  it('is the latest change at or before k, else the initial spec', () => {
    const changes = [
      { iteration: 5, spec: fast },
      { iteration: 9, spec: fixed },
    ];
    expect([0, 4, 5, 8, 9, 100].map((k) => specInForce(slow, changes, k))).toEqual([
      slow,
      slow,
      fast,
      fast,
      fixed,
      fixed,
    ]);
  });

  it('previews the changed plan step by step', () => {
    const changes = [{ iteration: 7, spec: fast }];
    const preview = schedulePreview(slow, 20, 100, changes);
    expect(preview.steps).toHaveLength(20);
    preview.lr.forEach((lr, k) => expect(lr).toBe(lrAt(k < 7 ? slow : fast, k)));
  });
});

describe('the length of a changed run', () => {
  const cycles = (value: number) => ({ unit: 'cycles' as const, value });

  it('counts the old spec’s cycle ends before a change and the new one’s after', () => {
    // Without a change: two 20-step cycles.
    expect(changedRunIterations(slow, [], cycles(2), 100, 10_000)).toBe(40);
    // From step 12 on, cycles of 6 end after steps 17, 23, …: the second of those ends it.
    expect(
      changedRunIterations(slow, [{ iteration: 12, spec: fast }], cycles(2), 100, 10_000),
    ).toBe(24);
    // One 20-step cycle ends before the change at 25; the first fast one after it ends it.
    expect(
      changedRunIterations(slow, [{ iteration: 25, spec: fast }], cycles(2), 100, 10_000),
    ).toBe(30);
    expect(changedCycleEnds(slow, [{ iteration: 25, spec: fast }], 40, 60)).toEqual([19, 29, 35]);
  });

  it('never ends under a spec without cycles, and epochs do not depend on the schedule', () => {
    expect(
      changedRunIterations(slow, [{ iteration: 3, spec: fixed }], cycles(2), 100, 10_000),
    ).toBe(null);
    const epochs = { unit: 'epochs' as const, value: 1.5 };
    expect(changedRunIterations(slow, [{ iteration: 3, spec: fixed }], epochs, 100, 10_000)).toBe(
      150,
    );
  });
});

describe('the recorded list of changes', () => {
  it('reads each spec with the core’s parser and wants them in order', () => {
    const parsed = scheduleChangesSchema.parse([
      { iteration: 4, spec: { policy: 'fixed', lr: 0.05 } },
    ]);
    expect(parsed).toEqual([{ iteration: 4, spec: fixed }]);
    const unordered = scheduleChangesSchema.safeParse([
      { iteration: 4, spec: fixed },
      { iteration: 4, spec: fast },
    ]);
    expect(unordered.error?.issues[0]).toMatchObject({ path: [1, 'iteration'] });
    const bad = scheduleChangesSchema.safeParse([{ iteration: 1, spec: { policy: 'fixed' } }]);
    expect(bad.error?.issues[0].path).toEqual([0, 'spec', 'lr']);
  });
});
