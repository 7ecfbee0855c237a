import type { ScheduleSpec } from '../../core';
import { reset, runRangeTest, stop, trainWith } from '../engineClient/engineActions';
import { boundsFromMaxLr, pickLrs, type RangeTestSuggestion } from '../rangeTest/rangeTestAnalysis';
import { rangeTestSeries, trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { raceBlocker } from '../store/selectors';
import {
  RACE_OPTIMIZERS,
  defaultLrLegSpec,
  legOptimizer,
  optimizerLegSpec,
  policyLegs,
  raceIterations,
  raceValidateEvery,
  type PageOptimizer,
  type PolicyLeg,
  type RaceBounds,
  type OptimizerLegSchedule,
  type RaceOptimizer,
  type RaceOptimizerEntry,
} from './raceLegs';
import {
  cancelRequested,
  markCancelled,
  markFailed,
  waitingLeg,
  whenStore,
} from './raceLegUpdates';
import { suggestionLegs, type SuggestionLeg } from './suggestionLegs';

/**
 * Runs a race with the engine's ordinary commands, one leg after another: reset to the seed's
 * weights and data order, (for an optimizer leg) a range test for its own bounds, then training
 * shown live on the training charts. Each leg's validations are kept in the race slice.
 */

function boundsOfForm(): RaceBounds {
  const { baseLr, maxLr, stepSize } = useAppStore.getState().draft;
  return { baseLr, maxLr, stepSize };
}

/**
 * Resets to the seed's start and trains one leg. Returns whether the race goes on (false when
 * the leg was cancelled or the engine failed).
 */
async function trainLeg(
  legIdx: number,
  spec: ScheduleSpec,
  numIterations: number,
  validateEvery: number,
): Promise<boolean> {
  const { updateRaceLeg } = useAppStore.getState();
  if (!(await reset())) {
    markFailed(legIdx, useAppStore.getState().engine.error ?? 'The engine could not reset.');
    return false;
  }
  if (cancelRequested()) return markCancelled(legIdx, 'Cancelled before it started.');
  updateRaceLeg(legIdx, { status: 'training' });
  const leg = useAppStore.getState().race.legs[legIdx];
  const end = await trainWith(
    spec,
    { unit: 'iterations', value: numIterations },
    // Kept under the name the race table gives it, so the list and the table agree.
    { validateEvery, name: leg ? `Race: ${leg.label} (${leg.detail})` : undefined },
  );
  // The run's events travel on their own channel: its end event comes after every validation.
  if (end) await whenStore((state) => state.training.status === 'ended');
  const validations = [...trainingSeries.validations];
  if (!end) {
    updateRaceLeg(legIdx, {
      status: 'failed',
      validations,
      message: useAppStore.getState().engine.error ?? 'Training failed.',
    });
    return false;
  }
  // A loss that stayed far above chance is a divergence too, though it never overflowed.
  const aboveChance = useAppStore.getState().training.aboveChance;
  const status =
    end.reason === 'stopped'
      ? 'cancelled'
      : end.reason === 'nonFinite' || aboveChance
        ? 'diverged'
        : 'done';
  const message =
    end.reason === 'completed' && aboveChance
      ? `The smoothed loss stayed above ${aboveChance.bar.toFixed(2)}, worse than chance, from iteration ${aboveChance.since}.`
      : end.message;
  updateRaceLeg(legIdx, {
    status,
    validations,
    numIterations: end.iterations,
    wallMs: end.wallMs,
    message: status === 'done' ? null : message,
  });
  return status !== 'cancelled';
}

/**
 * A policy or suggestion leg: the page's optimizer, or the leg's own for the no-schedule legs
 * (switched before the reset, so the leg starts from the seed's weights under its optimizer).
 */
function policyLeg(
  legIdx: number,
  leg: { spec: ScheduleSpec; optimizer?: RaceOptimizer },
  numIterations: number,
  validateEvery: number,
  page: PageOptimizer,
): Promise<boolean> {
  useAppStore.getState().setSession(legOptimizer(leg.optimizer ?? page.optimizer, page));
  return trainLeg(legIdx, leg.spec, numIterations, validateEvery);
}

/** What every optimizer leg shares, fixed when the race starts (the form may change meanwhile). */
interface OptimizerRaceSettings {
  stepSize: number;
  /** Base LR = max LR / ratio, as "Use suggestion" sets it. */
  ratio: number;
  schedule: OptimizerLegSchedule;
}

/**
 * An optimizer leg: its own range test (the page's sweep settings) from the seed's weights,
 * the page's suggestion rule for max LR and the page's ratio for base LR, then training;
 * or, for Schedule-Free and Prodigy, straight to training at their default LR.
 */
async function optimizerLeg(
  legIdx: number,
  entry: RaceOptimizerEntry,
  numIterations: number,
  validateEvery: number,
  fixed: OptimizerRaceSettings,
  page: PageOptimizer,
): Promise<boolean> {
  const { setSession, updateRaceLeg } = useAppStore.getState();
  setSession(legOptimizer(entry.optimizer, page));
  if (!(await reset())) {
    markFailed(legIdx, useAppStore.getState().engine.error ?? 'The engine could not reset.');
    return false;
  }
  if (cancelRequested()) return markCancelled(legIdx, 'Cancelled before it started.');
  if (entry.defaultLr !== undefined) {
    const leg = defaultLrLegSpec({ ...entry, defaultLr: entry.defaultLr });
    updateRaceLeg(legIdx, { detail: leg.detail });
    return trainLeg(legIdx, leg.spec, numIterations, validateEvery);
  }
  updateRaceLeg(legIdx, { status: 'rangeTest', detail: 'range test…' });
  await runRangeTest();
  await whenStore((state) => state.rangeTest.status !== 'running');
  const { rangeTest, engine } = useAppStore.getState();
  if (cancelRequested() || rangeTest.end?.reason === 'stopped') {
    return markCancelled(legIdx, 'Cancelled during its range test.');
  }
  if (!rangeTest.end) {
    markFailed(legIdx, engine.error ?? 'Its range test failed.');
    return false;
  }
  const picks = pickLrs(
    {
      lrs: rangeTestSeries.lr.view(),
      losses: rangeTestSeries.loss.view(),
      accuracies: rangeTestSeries.accuracy.view(),
    },
    rangeTest.config.numIter,
  );
  if (!picks.recommended) {
    const why = picks.omitted.map((o) => `${o.label}: ${o.reason}`).join('; ');
    updateRaceLeg(legIdx, {
      status: 'failed',
      detail: 'no bounds',
      message: `Its range test gave no suggested max LR (${why}).`,
    });
    return true;
  }
  const bounds = boundsFromMaxLr(picks.recommended.lr, fixed.ratio);
  const leg = optimizerLegSpec(
    { ...bounds, stepSize: fixed.stepSize },
    fixed.schedule,
    numIterations,
  );
  if (!leg.ok) {
    markFailed(legIdx, `Its bounds cannot make a schedule: ${leg.error}.`);
    return true;
  }
  updateRaceLeg(legIdx, { detail: leg.detail });
  return trainLeg(legIdx, leg.spec, numIterations, validateEvery);
}

type ScheduledLegs = { ok: true; legs: (PolicyLeg | SuggestionLeg)[] } | { ok: false };

/**
 * Runs the chosen race to its end, or until it is stopped; finished legs stay in the table. A
 * suggestion race trains from `suggestions`, the range test's picks as its panel shows them.
 */
export async function runRace(suggestions: readonly RangeTestSuggestion[] = []): Promise<void> {
  if (raceBlocker(useAppStore.getState(), suggestions) !== null) return;
  const { race, engine, session, rangeTest, draft, setRace, setSession } = useAppStore.getState();
  if (!engine.dataset) return;
  const perEpoch = engine.dataset.iterationsPerEpoch;
  const numIterations = raceIterations(race.length, perEpoch);
  const validateEvery = raceValidateEvery(numIterations, perEpoch);
  const kind = race.kind;
  const { ratio } = rangeTest;
  const policies: ScheduledLegs | null =
    kind === 'policy'
      ? policyLegs(boundsOfForm(), numIterations, race.policyLegIds)
      : kind === 'suggestion'
        ? suggestionLegs(suggestions, {
            draft,
            ratio,
            iterations: numIterations,
            alsoFixed: race.alsoFixed,
          })
        : null;
  const optimizerSettings: OptimizerRaceSettings = {
    stepSize: boundsOfForm().stepSize,
    ratio,
    schedule: race.legSchedule,
  };
  if (policies && !policies.ok) return;
  const legs = policies
    ? policies.legs.map((leg) => ({
        ...waitingLeg(leg.id, leg.label, leg.detail),
        ...('bounds' in leg ? { bounds: leg.bounds } : {}),
      }))
    : RACE_OPTIMIZERS.map((o) =>
        waitingLeg(
          o.optimizer,
          o.label,
          o.defaultLr === undefined ? 'bounds from its range test' : 'no range test',
        ),
      );
  setRace({
    status: 'running',
    ranKind: kind,
    legs,
    currentLegIdx: null,
    numLegIterations: numIterations,
    cancelRequested: false,
  });
  try {
    for (let legIdx = 0; legIdx < legs.length && !cancelRequested(); legIdx++) {
      setRace({ currentLegIdx: legIdx });
      const goOn = policies
        ? await policyLeg(legIdx, policies.legs[legIdx], numIterations, validateEvery, session)
        : await optimizerLeg(
            legIdx,
            RACE_OPTIMIZERS[legIdx],
            numIterations,
            validateEvery,
            optimizerSettings,
            session,
          );
      if (!goOn) break;
    }
  } finally {
    const now = useAppStore.getState().session;
    if (now.optimizer !== session.optimizer || now.optimizerOptions !== session.optimizerOptions) {
      // Back to the page's optimizer, so what the Data and model panel says is what trains.
      setSession({ optimizer: session.optimizer, optimizerOptions: session.optimizerOptions });
      if (useAppStore.getState().engine.status === 'ready') await reset();
    }
    setRace({ status: 'done', currentLegIdx: null });
  }
}

/** Stops the race: the running leg ends where it is (kept, marked cancelled); no more legs run. */
export function cancelRace(): void {
  const { race, engine, setRace } = useAppStore.getState();
  if (race.status !== 'running') return;
  setRace({ cancelRequested: true });
  if (engine.status === 'ready') void stop();
}
