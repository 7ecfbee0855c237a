import { errorMessage, type ScheduleChange, type ScheduleSpec } from '../../core';
import type { BackendName, RunLength, SessionConfig, TrainEnd } from '../../worker/contract';
import { BACKEND_NAMES } from '../sessionChoices';
import { startCheckpoints } from '../runs/checkpoints';
import { keepRangeTest, keepTrainingRun } from '../runs/liveRuns';
import { draftToSpec } from '../schedule/scheduleDraft';
import { sameSpec } from '../share/scheduleParams';
import { clearRangeTestSeries, clearTrainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { trainingActive } from '../store/selectors';
import { engineDown, unwindAfterCrash } from './crashUnwind';
import { installTestHooks } from './testHooks';
import {
  EngineClient,
  EngineReplacedError,
  type CrashCause,
  type EngineClientHandlers,
} from './engineClient';
import { datasetToHand } from './datasetToHand';
import { engineEventSink, watchChanceLoss } from './engineEventSink';
import { followScheduleEdits } from './liveSchedule';

/**
 * What the buttons do: each action reads the store, talks to the worker and writes the
 * outcome back, so components stay free of worker plumbing. Failures become messages in the
 * store, never exceptions in a click handler.
 */

/** The backend to fall back to after `lost` lost its GPU context. */
function nextBackend(lost: BackendName | undefined): BackendName {
  const order = BACKEND_NAMES.indexOf(lost ?? 'webgl');
  return BACKEND_NAMES[Math.min(BACKEND_NAMES.length - 1, order + 1)];
}

function onCrash(message: string, cause: CrashCause): void {
  const store = useAppStore.getState();
  const lostBackend = store.engine.backend?.backend;
  store.setEngine({
    status: 'crashed',
    error: `The engine crashed: ${message}. Restart it to go on.`,
  });
  unwindAfterCrash(`The engine crashed: ${message}`);
  if (cause !== 'backendLost') return;
  const fallback = nextBackend(lostBackend);
  // A forced choice moves with it (it would lose its context again); 'auto' stays auto.
  if (store.backendChoice !== 'auto') store.setBackendChoice(fallback);
  void startEngine(fallback).then(() => {
    if (useAppStore.getState().engine.status !== 'ready') return;
    useAppStore.getState().setEngine({
      error: `${message.replace(/^the/, 'The')}: the engine restarted on ${fallback}. What the run had recorded is kept.`,
    });
  });
}

function engineHandlers(): EngineClientHandlers {
  return { onEvent: engineEventSink(), onCrash };
}

/** The client kept in the store, made on first use (its worker starts with `startEngine`). */
function engineClient(): EngineClient {
  const { engineClient: kept, setEngineClient } = useAppStore.getState();
  if (kept) return kept;
  const client = new EngineClient(engineHandlers());
  setEngineClient(client);
  installTestHooks(client);
  // Live runs are written to storage as they go, from the first engine on (see checkpoints).
  startCheckpoints();
  followScheduleEdits(() => client.api);
  return client;
}

/** The worker's commands; throws when no engine is running. */
const engineApi = () => engineClient().api;

/** Starts (or restarts) the engine worker with the current settings. */
export async function startEngine(forceBackend?: BackendName): Promise<void> {
  const { wasmThreads, setEngine } = useAppStore.getState();
  const backendChoice = forceBackend ?? useAppStore.getState().backendChoice;
  const client = engineClient();
  setEngine({ status: 'starting', error: null });
  try {
    const { session, imported, missing } = await datasetToHand();
    const result = await client.start({
      session,
      ...(imported ? { imported } : {}),
      ...(backendChoice === 'auto' ? {} : { backend: backendChoice }),
      ...(wasmThreads === 'auto' ? {} : { wasmThreads }),
      dataBaseUrl: new URL(`${import.meta.env.BASE_URL}data/`, location.href).href,
      wasmBaseUrl: new URL(`${import.meta.env.BASE_URL}wasm/`, location.href).href,
    });
    setEngine({
      status: 'ready',
      backend: result.backend,
      dataset: result.dataset,
      error: missing,
    });
  } catch (error) {
    // A newer start replaced this one (Restart engine, a second mount): that one reports.
    if (error instanceof EngineReplacedError) return;
    client.terminate();
    // A crash while starting has already said so, and how to go on: keep its words.
    if (useAppStore.getState().engine.status === 'crashed') return;
    setEngine({ status: 'failed', error: `The engine could not start: ${errorMessage(error)}` });
  }
}

/** Runs a range test from the current weights (restored afterwards). */
export async function runRangeTest(): Promise<void> {
  const { rangeTest, session, setRangeTest, setEngine } = useAppStore.getState();
  // One run at a time by construction: a second click in the same task finds this one running.
  if (rangeTest.status === 'running' || trainingActive(useAppStore.getState())) return;
  const { config } = rangeTest;
  clearRangeTestSeries();
  setRangeTest({
    status: 'running',
    ranWith: { id: crypto.randomUUID(), startedAt: Date.now(), session, config },
    end: null,
    repeats: [],
    shownRepeatIdx: null,
  });
  useAppStore.getState().bumpSeries();
  try {
    await engineApi().rangeTest(config);
  } catch (error) {
    if (engineDown()) return;
    setRangeTest({ status: 'done' });
    keepRangeTest({ reason: 'failed', message: errorMessage(error) });
    setEngine({ error: `Range test failed: ${errorMessage(error)}` });
  }
}

/**
 * Trains under the current schedule for the chosen length; while the form holds an opened
 * link's starting schedule, replaying that link's changes at their iterations.
 */
export async function train(): Promise<void> {
  const { draft, training, share, setShare } = useAppStore.getState();
  const parsed = draftToSpec(draft);
  if (!parsed.ok) return;
  const { replay } = share;
  const plannedChanges =
    replay && sameSpec(replay.initial, parsed.spec) ? [...replay.changes] : undefined;
  // From here the run's own record (and its plan) is what a link says.
  if (replay) setShare({ replay: null });
  await trainWith(parsed.spec, training.length, { plannedChanges });
}

/**
 * Trains from the current weights under `spec` for `length`, shown live on the training charts
 * (Train and each leg of a race). Resolves with how the run ended, or null when it failed.
 */
export async function trainWith(
  spec: ScheduleSpec,
  length: RunLength,
  options: { validateEvery?: number; name?: string; plannedChanges?: ScheduleChange[] } = {},
): Promise<TrainEnd | null> {
  const { engine, session, rangeTest, setTraining, setEngine } = useAppStore.getState();
  // One run at a time by construction: a second Train in the same task is a no-op.
  if (!engine.dataset || trainingActive(useAppStore.getState())) return null;
  if (rangeTest.status === 'running') return null;
  clearTrainingSeries();
  watchChanceLoss(engine.dataset.numClasses);
  setTraining({
    status: 'running',
    ranWith: {
      id: crypto.randomUUID(),
      startedAt: Date.now(),
      session,
      schedule: spec,
      length,
      name: options.name,
      plannedChanges: options.plannedChanges,
    },
    scheduleChanges: [],
    numIterationsDone: 0,
    numIterationsPlanned: 0,
    lastValidation: null,
    test: null,
    endReason: null,
    message: null,
    aboveChance: null,
  });
  useAppStore.getState().bumpSeries();
  try {
    return await engineApi().train({
      schedule: spec,
      length,
      // Four validations an epoch: enough points for the accuracy curve, little time lost.
      validateEvery:
        options.validateEvery ?? Math.max(1, Math.round(engine.dataset.iterationsPerEpoch / 4)),
      maxSnapshots: useAppStore.getState().training.maxSnapshots,
      testAtEnd: false,
      plannedChanges: options.plannedChanges,
    });
  } catch (error) {
    // A crash has ended and kept the run already, with its own message.
    if (engineDown()) return null;
    setTraining({ status: 'ended', endReason: 'stopped', message: errorMessage(error) });
    keepTrainingRun({ reason: 'failed', message: errorMessage(error) });
    setEngine({ error: `Training failed: ${errorMessage(error)}` });
    return null;
  }
}

export const pause = () => engineApi().pause();
export const resume = () => engineApi().resume();
export const step = () => engineApi().step();
export const stop = () => engineApi().stop();
export const stopAtEndOfCycle = () => engineApi().stopAtEndOfCycle();
export const exportModel = (weightsFileName: string) => engineApi().exportModel(weightsFileName);

/** Back to the seed's initial weights; charts of the last run are cleared. False when it failed. */
export async function reset(): Promise<boolean> {
  const { session, setTraining, setEngine } = useAppStore.getState();
  try {
    await engineApi().reset({
      model: session.model,
      optimizer: session.optimizer,
      optimizerOptions: session.optimizerOptions,
      batchSize: session.batchSize,
      seed: session.seed,
      augment: session.augment,
    });
    clearTrainingSeries();
    setTraining({
      status: 'idle',
      scheduleChanges: [],
      numIterationsDone: 0,
      lastValidation: null,
      test: null,
      endReason: null,
      message: null,
    });
    useAppStore.getState().bumpSeries();
    return true;
  } catch (error) {
    setEngine({ error: `Reset failed: ${errorMessage(error)}` });
    return false;
  }
}

/** New settings: another dataset needs a new engine; the rest is a reset of the current one. */
export async function changeSession(change: Partial<SessionConfig>): Promise<void> {
  const before = useAppStore.getState().session;
  useAppStore.getState().setSession(change);
  if (change.dataset && change.dataset !== before.dataset) {
    clearRangeTestSeries();
    useAppStore
      .getState()
      .setRangeTest({ status: 'idle', end: null, repeats: [], shownRepeatIdx: null });
    await startEngine();
  }
  if (useAppStore.getState().engine.status === 'ready') await reset();
}
