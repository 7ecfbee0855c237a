import { cycleAt, isCyclic, MAX_RUN_ITERATIONS, specInForce, type ScheduleSpec } from '../../core';
import { formatCount } from '../format';
import { rangeTestConfigErrors } from '../rangeTest/rangeTestConfigErrors';
import { policyLegs, raceIterations, raceLengthError } from '../race/raceLegs';
import { suggestionLegs } from '../race/suggestionLegs';
import type { RangeTestSuggestion } from '../rangeTest/rangeTestAnalysis';
import { draftToSpec } from '../schedule/scheduleDraft';
import { snapshotCountError } from '../snapshots/snapshotCount';
import type { AppState } from './index';

/**
 * Answers about the state that more than one panel asks, each written once: what the page is
 * doing now, and for each button that starts something, why it cannot (null when it can).
 * Every function takes the state it is given, so `useAppStore(selector)` re-renders on change.
 */

/** What holds the engine now; the engine's own state comes first (nothing runs on a dead one). */
export type Activity = 'starting' | 'down' | 'race' | 'rangeTest' | 'training' | 'paused' | 'idle';

export function activity(state: AppState): Activity {
  const { engine, race, rangeTest, training } = state;
  if (engine.status === 'starting') return 'starting';
  if (engine.status !== 'ready') return 'down';
  if (race.status === 'running') return 'race';
  if (rangeTest.status === 'running') return 'rangeTest';
  if (training.status === 'running') return 'training';
  if (training.status === 'paused') return 'paused';
  return 'idle';
}

/** A training run is under way (paused counts: it holds the weights and the run's settings). */
export const trainingActive = (state: AppState): boolean =>
  state.training.status === 'running' || state.training.status === 'paused';

/** Something is running or starting, so settings that reset the engine must wait. */
export const busy = (state: AppState): boolean => {
  const now = activity(state);
  return now !== 'idle' && now !== 'down';
};

type Busy = Exclude<Activity, 'idle'>;

/** A button's words for each activity that blocks it; null where that one does not. */
function blockedBy(state: AppState, words: Record<Busy, string | null>): string | null {
  const now = activity(state);
  return now === 'idle' ? null : words[now];
}

/** Why Train cannot run now, or null when it can. */
export function trainBlocker(state: AppState): string | null {
  const notReady = 'The engine is not ready.';
  const running = 'Training is already running.';
  const blocked = blockedBy(state, {
    starting: notReady,
    down: notReady,
    race: 'Wait for the race to finish (or stop it).',
    rangeTest: 'Wait for the range test to finish.',
    training: running,
    paused: running,
  });
  if (blocked) return blocked;
  const snapshots = snapshotCountError(state.training.maxSnapshots);
  if (snapshots) return snapshots;
  const parsed = draftToSpec(state.draft);
  if (!parsed.ok) return `Fix the schedule first: ${parsed.error.message}.`;
  return runLengthBlocker(parsed.spec, state);
}

/** Why the Training panel's run length cannot run under `spec`, or null when it can. */
function runLengthBlocker(spec: ScheduleSpec, state: AppState): string | null {
  const { length } = state.training;
  if (length.unit === 'cycles' && !isCyclic(spec)) {
    return `A run length in cycles needs a schedule with cycles, and ${spec.policy} has none: give it in epochs or iterations.`;
  }
  const perEpoch = state.engine.dataset?.iterationsPerEpoch;
  const steps =
    length.unit === 'iterations' ? length.value : perEpoch ? length.value * perEpoch : null;
  if (steps !== null && Math.round(steps) > MAX_RUN_ITERATIONS) {
    return `The run would be ${formatCount(steps)} steps, more than the ${formatCount(MAX_RUN_ITERATIONS)} a run may take: make it shorter.`;
  }
  return null;
}

/**
 * Why a race cannot start now, or null when it can: the chosen race, or `kind`. A suggestion
 * race trains from `suggestions`, the range test's picks as its panel shows them.
 */
export function raceBlocker(
  state: AppState,
  suggestions: readonly RangeTestSuggestion[] = [],
  kind = state.race.kind,
): string | null {
  const notReady = 'The engine is not ready.';
  const training = 'Stop training to start a race.';
  const blocked = blockedBy(state, {
    starting: notReady,
    down: notReady,
    race: 'A race is running.',
    rangeTest: 'Wait for the range test to finish.',
    training,
    paused: training,
  });
  if (blocked) return blocked;
  const { engine, race, rangeTest, draft } = state;
  if (!engine.dataset) return notReady;
  const lengthError = raceLengthError(race.length);
  if (lengthError) return lengthError;
  const { baseLr, maxLr, stepSize } = draft;
  const iterations = raceIterations(race.length, engine.dataset.iterationsPerEpoch);
  if (kind === 'suggestion') {
    if (suggestions.length === 0) {
      return 'Run a range test first: this race trains from its suggestions.';
    }
    const { ratio } = rangeTest;
    const legs = suggestionLegs(suggestions, {
      draft,
      ratio,
      iterations,
      alsoFixed: race.alsoFixed,
    });
    return legs.ok ? null : `Fix the schedule first: ${legs.error}.`;
  }
  if (kind === 'policy') {
    const legs = policyLegs({ baseLr, maxLr, stepSize }, iterations, race.policyLegIds);
    if (race.policyLegIds.length === 0) return 'Pick at least one leg to race.';
    return legs.ok ? null : `Fix the bounds first: ${legs.error}.`;
  }
  const sweepError = Object.values(rangeTestConfigErrors(rangeTest.config))[0];
  if (sweepError) return `Fix the range test settings first: ${sweepError}`;
  if (race.legSchedule === 'triangular' && !(Number.isInteger(stepSize) && stepSize >= 1))
    return `Fix the schedule's Step size first: it must be a whole number ≥ 1, got ${stepSize}.`;
  return null;
}

/** Why Run range test cannot run now (a running test shows Stop instead), or null when it can. */
export function rangeTestBlocker(state: AppState): string | null {
  const training = 'Stop training to run a range test.';
  const blocked = blockedBy(state, {
    starting: 'The engine is starting…',
    down: 'The engine is not running.',
    race: 'Wait for the race to finish (or stop it).',
    rangeTest: null,
    training,
    paused: training,
  });
  if (blocked) return blocked;
  const configError = Object.values(rangeTestConfigErrors(state.rangeTest.config))[0];
  return configError ? `Fix the sweep first: ${configError}` : null;
}

/** Why a teaching preset cannot load now (it resets or restarts the engine), or null. */
export function presetBlocker(state: AppState): string | null {
  const running = 'Stop the current run to load a preset.';
  return blockedBy(state, {
    starting: 'Presets load once the engine has started.',
    // A preset restarts a dead engine like any settings change.
    down: null,
    race: 'Stop the race to load a preset.',
    rangeTest: 'Wait for the range test to finish.',
    training: running,
    paused: running,
  });
}

/** The schedule the current (or last) training run follows now: its last change, else its start. */
export function specNow(state: AppState): ScheduleSpec | null {
  const { ranWith, scheduleChanges } = state.training;
  return scheduleChanges.at(-1)?.spec ?? ranWith?.schedule ?? null;
}

/**
 * The cycle (1-based) of the last step trained, under the schedule in force at that step (a
 * change of step size mid-run changes the count); null before a step or for a non-cyclic one.
 */
export function cycleNow(state: AppState): number | null {
  const { ranWith, scheduleChanges, numIterationsDone } = state.training;
  if (!ranWith || numIterationsDone === 0) return null;
  const last = numIterationsDone - 1;
  const spec = specInForce(ranWith.schedule, scheduleChanges, last);
  return isCyclic(spec) ? cycleAt(spec, last).cycleNum : null;
}
