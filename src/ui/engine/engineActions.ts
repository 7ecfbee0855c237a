import type { ScheduleSpec } from '../../core';
import type { EngineEvent, RunLength, SessionConfig, TrainEnd } from '../../worker/contract';
import { keepRangeTest, keepTrainingRun } from '../runs/liveRuns';
import { draftToSpec } from '../schedule/scheduleDraft';
import { snapshotCountError } from '../snapshots/snapshotCount';
import {
  appendRangeTest,
  appendTraining,
  clearRangeTestSeries,
  clearTrainingSeries,
  trainingSeries,
} from '../series/runSeries';
import { useAppStore } from '../store';
import { EngineClient } from './engineClient';

/**
 * What the buttons do: each action reads the store, talks to the worker and writes the
 * outcome back, so components stay free of worker plumbing. Failures become messages in the
 * store, never exceptions in a click handler.
 */

let bumpQueued = false;
/** Coalesces series updates to one chart redraw per animation frame. */
function scheduleBump(): void {
  if (bumpQueued) return;
  bumpQueued = true;
  requestAnimationFrame(() => {
    bumpQueued = false;
    useAppStore.getState().bumpSeries();
  });
}

function onEvent(event: EngineEvent): void {
  const store = useAppStore.getState();
  switch (event.type) {
    case 'rangeTestProgress':
      appendRangeTest(event);
      scheduleBump();
      break;
    case 'rangeTestEnd':
      store.setRangeTest({ status: 'done', end: event });
      keepRangeTest(event);
      scheduleBump();
      break;
    case 'trainProgress':
      appendTraining(event);
      store.setTraining({
        iteration: event.fromIdx + event.loss.length,
        totalIterations: event.totalIterations,
        epochIdx: event.epochIdx,
        samplesPerSec: event.samplesPerSec,
      });
      scheduleBump();
      break;
    case 'validation':
      trainingSeries.validations.push(event);
      store.setTraining({ lastValidation: event });
      scheduleBump();
      break;
    case 'test':
      store.setTraining({ test: event });
      break;
    case 'trainState':
      store.setTraining({
        status: event.state === 'ended' ? 'ended' : event.state,
        ...(event.state === 'ended'
          ? { endReason: event.reason ?? null, message: event.message ?? null }
          : {}),
      });
      if (event.state === 'ended') keepTrainingRun(event);
      break;
  }
}

function onCrash(message: string): void {
  const store = useAppStore.getState();
  store.setEngine({
    status: 'crashed',
    error: `The engine crashed: ${message}. Restart it to go on.`,
  });
  if (store.rangeTest.status === 'running') {
    store.setRangeTest({ status: 'done' });
    keepRangeTest({ reason: 'crashed', message: `The engine crashed: ${message}` });
  }
  if (store.training.status === 'running' || store.training.status === 'paused') {
    keepTrainingRun({ reason: 'crashed', message: `The engine crashed: ${message}` });
    store.setTraining({
      status: 'ended',
      endReason: 'stopped',
      message: 'The engine crashed; what was recorded is kept.',
    });
  }
}

const client = new EngineClient({ onEvent, onCrash });

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts (or restarts) the engine worker with the current settings. */
export async function startEngine(): Promise<void> {
  const { session, backendChoice, wasmThreads, setEngine } = useAppStore.getState();
  setEngine({ status: 'starting', error: null });
  try {
    const result = await client.start({
      session,
      ...(backendChoice === 'auto' ? {} : { backend: backendChoice }),
      ...(wasmThreads === 'auto' ? {} : { wasmThreads }),
      dataBaseUrl: new URL(`${import.meta.env.BASE_URL}data/`, location.href).href,
      wasmBaseUrl: new URL(`${import.meta.env.BASE_URL}wasm/`, location.href).href,
    });
    setEngine({ status: 'ready', backend: result.backend, dataset: result.dataset, error: null });
  } catch (error) {
    client.terminate();
    setEngine({ status: 'failed', error: `The engine could not start: ${messageOf(error)}` });
  }
}

/** Runs a range test from the current weights (restored afterwards). */
export async function runRangeTest(): Promise<void> {
  const { rangeTest, setRangeTest, setEngine } = useAppStore.getState();
  clearRangeTestSeries();
  setRangeTest({ status: 'running', end: null, ranWith: rangeTest.config });
  useAppStore.getState().bumpSeries();
  try {
    await client.api.rangeTest(rangeTest.config);
  } catch (error) {
    setRangeTest({ status: 'done' });
    keepRangeTest({ reason: 'failed', message: messageOf(error) });
    setEngine({ error: `Range test failed: ${messageOf(error)}` });
  }
}

/** Why Train cannot run now, or null when it can. */
export function trainBlocker(): string | null {
  const { draft, engine, rangeTest, training, race } = useAppStore.getState();
  if (engine.status !== 'ready') return 'The engine is not ready.';
  if (race.status === 'running') return 'Wait for the race to finish (or stop it).';
  if (rangeTest.status === 'running') return 'Wait for the range test to finish.';
  if (training.status === 'running' || training.status === 'paused')
    return 'Training is already running.';
  const snapshots = snapshotCountError(training.maxSnapshots);
  if (snapshots) return snapshots;
  const parsed = draftToSpec(draft);
  return parsed.ok ? null : `Fix the schedule first: ${parsed.error.message}.`;
}

/** Trains under the current schedule for the chosen length. */
export async function train(): Promise<void> {
  const { draft, training } = useAppStore.getState();
  const parsed = draftToSpec(draft);
  if (parsed.ok) await trainWith(parsed.spec, training.length);
}

/**
 * Trains from the current weights under `spec` for `length`, shown live on the training charts
 * (Train and each leg of a race). Resolves with how the run ended, or null when it failed.
 */
export async function trainWith(
  spec: ScheduleSpec,
  length: RunLength,
  options: { validateEvery?: number } = {},
): Promise<TrainEnd | null> {
  const { engine, setTraining, setEngine } = useAppStore.getState();
  if (!engine.dataset) return null;
  clearTrainingSeries();
  setTraining({
    status: 'running',
    runSpec: spec,
    iteration: 0,
    totalIterations: 0,
    lastValidation: null,
    test: null,
    endReason: null,
    message: null,
  });
  useAppStore.getState().bumpSeries();
  try {
    return await client.api.train({
      schedule: spec,
      length,
      // Four validations an epoch: enough points for the accuracy curve, little time lost.
      validateEvery:
        options.validateEvery ?? Math.max(1, Math.round(engine.dataset.iterationsPerEpoch / 4)),
      maxSnapshots: useAppStore.getState().training.maxSnapshots,
      testAtEnd: false,
    });
  } catch (error) {
    setTraining({ status: 'ended', endReason: 'stopped', message: messageOf(error) });
    keepTrainingRun({ reason: 'failed', message: messageOf(error) });
    setEngine({ error: `Training failed: ${messageOf(error)}` });
    return null;
  }
}

export const pause = () => client.api.pause();
export const resume = () => client.api.resume();
export const step = () => client.api.step();
export const stop = () => client.api.stop();
export const stopAtEndOfCycle = () => client.api.stopAtEndOfCycle();
export const exportModel = (weightsFileName: string) => client.api.exportModel(weightsFileName);

/** Back to the seed's initial weights; charts of the last run are cleared. False when it failed. */
export async function reset(): Promise<boolean> {
  const { session, setTraining, setEngine } = useAppStore.getState();
  try {
    await client.api.reset({
      model: session.model,
      optimizer: session.optimizer,
      batchSize: session.batchSize,
      seed: session.seed,
      augment: session.augment,
    });
    clearTrainingSeries();
    setTraining({
      status: 'idle',
      iteration: 0,
      lastValidation: null,
      test: null,
      endReason: null,
      message: null,
    });
    useAppStore.getState().bumpSeries();
    return true;
  } catch (error) {
    setEngine({ error: `Reset failed: ${messageOf(error)}` });
    return false;
  }
}

/** New settings: another dataset needs a new engine; the rest is a reset of the current one. */
export async function changeSession(change: Partial<SessionConfig>): Promise<void> {
  const before = useAppStore.getState().session;
  useAppStore.getState().setSession(change);
  if (change.dataset && change.dataset !== before.dataset) {
    clearRangeTestSeries();
    useAppStore.getState().setRangeTest({ status: 'idle', end: null });
    await startEngine();
  }
  if (useAppStore.getState().engine.status === 'ready') await reset();
}
