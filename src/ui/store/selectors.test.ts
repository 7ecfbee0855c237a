import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './index';
import { parseScheduleSpec } from '../../core';
import {
  activity,
  cycleNow,
  presetBlocker,
  raceBlocker,
  rangeTestBlocker,
  trainBlocker,
} from './selectors';

const store = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState(useAppStore.getInitialState(), true);
  store().setEngine({
    status: 'ready',
    dataset: {
      name: 'synthetic',
      trainSize: 500,
      validationSize: 100,
      testSize: 100,
      numClasses: 10,
      iterationsPerEpoch: 8,
    },
  });
});

describe('what the page is doing', () => {
  it('puts the engine first, then a race, then the run that holds the engine', () => {
    expect(activity(store())).toBe('idle');
    store().setTraining({ status: 'paused' });
    expect(activity(store())).toBe('paused');
    store().setRangeTest({ status: 'running' });
    expect(activity(store())).toBe('rangeTest');
    store().setRace({ status: 'running' });
    expect(activity(store())).toBe('race');
    store().setEngine({ status: 'crashed' });
    expect(activity(store())).toBe('down');
  });
});

describe('why a button cannot start', () => {
  it('lets every start button go when nothing runs', () => {
    expect(trainBlocker(store())).toBeNull();
    expect(raceBlocker(store())).toBeNull();
    expect(rangeTestBlocker(store())).toBeNull();
    expect(presetBlocker(store())).toBeNull();
  });

  it('words the shared checks for each button', () => {
    store().setTraining({ status: 'running' });
    expect(trainBlocker(store())).toBe('Training is already running.');
    expect(raceBlocker(store())).toBe('Stop training to start a race.');
    expect(rangeTestBlocker(store())).toBe('Stop training to run a range test.');
    expect(presetBlocker(store())).toBe('Stop the current run to load a preset.');
  });

  it('while the engine starts, says so on the range test and presets', () => {
    store().setEngine({ status: 'starting' });
    expect(trainBlocker(store())).toBe('The engine is not ready.');
    expect(rangeTestBlocker(store())).toBe('The engine is starting…');
    expect(presetBlocker(store())).toBe('Presets load once the engine has started.');
  });

  it('names what is wrong with the forms once nothing runs', () => {
    store().setTraining({ maxSnapshots: 0 });
    expect(trainBlocker(store())).toMatch(/^Snapshots kept must be a whole number/);
    store().setRangeTestConfig({ numIter: 3 });
    expect(rangeTestBlocker(store())).toBe('Fix the sweep first: Use at least 10 iterations.');
    store().setRace({ policyLegIds: [] });
    expect(raceBlocker(store())).toBe('Pick at least one leg to race.');
  });

  it('needs a range test with suggestions for the suggestion race, and a policy they fit', () => {
    const valley = { id: 'valley', label: 'Valley', explanation: '', lr: 0.01, index: 0 } as const;
    expect(raceBlocker(store(), [], 'suggestion')).toBe(
      'Run a range test first: this race trains from its suggestions.',
    );
    expect(raceBlocker(store(), [valley], 'suggestion')).toBeNull();
    store().updateDraft({ stepSize: 0 });
    expect(raceBlocker(store(), [valley], 'suggestion')).toMatch(
      /^Fix the schedule first: Valley: .*stepSize/i,
    );
    // The chosen race is judged unless another kind is asked.
    store().setRace({ kind: 'suggestion' });
    expect(raceBlocker(store())).toBe(
      'Run a range test first: this race trains from its suggestions.',
    );
  });
});

describe('the cycle the status shows', () => {
  const triangular = (stepSize: number) =>
    parseScheduleSpec({ policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize });
  const ranWith = {
    id: 'run',
    startedAt: 0,
    session: store().session,
    schedule: triangular(100),
    length: { unit: 'iterations', value: 1000 } as const,
  };

  it('counts cycles of the schedule the run started with', () => {
    store().setTraining({ ranWith, numIterationsDone: 0, scheduleChanges: [] });
    expect(cycleNow(store())).toBeNull();
    store().setTraining({ numIterationsDone: 450 });
    // Cycles of 200 steps: step 449 is in the third.
    expect(cycleNow(store())).toBe(3);
  });

  it('follows a step size changed mid-run from the step it took effect', () => {
    const change = { iteration: 400, spec: triangular(25) };
    store().setTraining({ ranWith, numIterationsDone: 400, scheduleChanges: [change] });
    // Step 399 still ran under the old plan.
    expect(cycleNow(store())).toBe(2);
    store().setTraining({ numIterationsDone: 450 });
    // Under cycles of 50 steps, step 449 is in the ninth.
    expect(cycleNow(store())).toBe(9);
  });

  it('is empty for a schedule without cycles', () => {
    const fixed = parseScheduleSpec({ policy: 'fixed', lr: 0.01 });
    store().setTraining({ ranWith: { ...ranWith, schedule: fixed }, numIterationsDone: 50 });
    expect(cycleNow(store())).toBeNull();
  });
});

describe('why Train cannot run a length it cannot reach', () => {
  it('says that a length in cycles needs a schedule with cycles, before the run starts', () => {
    store().updateDraft({ policy: 'fixed', lr: 0.01 });
    store().setTraining({ length: { unit: 'cycles', value: 3 } });
    expect(trainBlocker(store())).toMatch(
      /cycles needs a schedule with cycles, and fixed has none/,
    );
    store().setTraining({ length: { unit: 'epochs', value: 3 } });
    expect(trainBlocker(store())).toBeNull();
  });

  it('names the step cap when the run would pass it', () => {
    store().setTraining({ length: { unit: 'epochs', value: 1e9 } });
    expect(trainBlocker(store())).toMatch(/more than the 1,000,000 a run may take/);
  });
});
