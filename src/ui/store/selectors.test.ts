import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './index';
import { activity, presetBlocker, raceBlocker, rangeTestBlocker, trainBlocker } from './selectors';

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
});
