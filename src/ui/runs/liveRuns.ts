import { formatRate } from '../format';
import { rangeTestSeries, trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import type { RunStart } from '../store/runStart';
import { runKeeper } from './runKeeper';
import { trainingRunName } from './runNames';
import type { RangeTestRecord, TrainingRecord } from './runRecord';

/**
 * Turns the live run into a kept one when it ends. What it ran with is the `ranWith` its start
 * action recorded in the store (settings may be edited while it runs); the series are copied from
 * the live buffers at the end.
 */

/** What the run started with, unless it has been kept already (a crash may report its end twice). */
function notYetKept<T extends RunStart>(ranWith: T | null): T | null {
  const kept = useAppStore.getState().runs.list;
  return ranWith && !kept.some((run) => run.id === ranWith.id) ? ranWith : null;
}

/** A copy of what a live buffer holds now, or null when it recorded nothing. */
function copyOf(buffer: { length: number; view(): Float64Array }): Float64Array | null {
  return buffer.length > 0 ? buffer.view().slice() : null;
}

/** The live range test as a record ending now, or null when kept already or step-less. */
function rangeTestRecord(end: {
  reason: RangeTestRecord['stopReason'];
  message: string;
  wallMs?: number;
  repeatIdx?: number;
  numRepeats?: number;
}): RangeTestRecord | null {
  const started = notYetKept(useAppStore.getState().rangeTest.ranWith);
  const lr = copyOf(rangeTestSeries.lr);
  if (!started || !lr) return null;
  const { engine } = useAppStore.getState();
  const wallMs = end.wallMs ?? Date.now() - started.startedAt;
  const { config } = started;
  const record: RangeTestRecord = {
    kind: 'rangeTest',
    id: started.id,
    name: `Range test ${formatRate(config.startLr)}→${formatRate(config.endLr)}${
      end.numRepeats && end.numRepeats > 1
        ? `, repeat ${(end.repeatIdx ?? 0) + 1} of ${end.numRepeats}`
        : ''
    }`,
    pinned: false,
    shown: false,
    startedAt: started.startedAt,
    wallMs,
    samplesPerSec: wallMs > 0 ? (lr.length * started.session.batchSize * 1000) / wallMs : 0,
    backend: engine.backend?.backend ?? null,
    session: started.session,
    message: end.message,
    config,
    stopReason: end.reason,
    series: {
      lr,
      loss: rangeTestSeries.loss.view().slice(),
      accuracy: rangeTestSeries.accuracy.view().slice(),
      heldOutLoss: copyOf(rangeTestSeries.heldOutLoss),
      heldOutAccuracy: copyOf(rangeTestSeries.heldOutAccuracy),
    },
  };
  return record;
}

/** Keeps the range test that just ended (a step-less one is not worth a list entry). */
export function keepRangeTest(end: Parameters<typeof rangeTestRecord>[0]): void {
  const record = rangeTestRecord(end);
  if (record) void runKeeper.keep(record);
}

/** The live training run as a record ending now, or null when kept already or step-less. */
function trainingRecord(end: {
  reason?: TrainingRecord['stopReason'];
  message?: string;
}): TrainingRecord | null {
  const started = notYetKept(useAppStore.getState().training.ranWith);
  const lr = copyOf(trainingSeries.lr);
  if (!started || !lr) return null;
  const { engine, training } = useAppStore.getState();
  const { length } = started;
  const record: TrainingRecord = {
    kind: 'training',
    id: started.id,
    name:
      started.name ??
      trainingRunName(
        started.schedule,
        length,
        started.session.optimizer,
        training.scheduleChanges,
      ),
    pinned: false,
    shown: false,
    startedAt: started.startedAt,
    wallMs: Date.now() - started.startedAt,
    samplesPerSec: training.samplesPerSec,
    backend: engine.backend?.backend ?? null,
    session: started.session,
    message: end.message ?? '',
    schedule: started.schedule,
    scheduleChanges: training.scheduleChanges,
    length,
    stopReason: end.reason ?? 'completed',
    series: {
      lr,
      momentum: copyOf(trainingSeries.momentum),
      loss: trainingSeries.loss.view().slice(),
      accuracy: trainingSeries.accuracy.view().slice(),
    },
    validations: [...trainingSeries.validations],
    test: training.test,
  };
  return record;
}

/** Keeps the training run that just ended (the engine's end event, or the page's own). */
export function keepTrainingRun(end: Parameters<typeof trainingRecord>[0]): void {
  const record = trainingRecord(end);
  if (record) void runKeeper.keep(record);
}

const INTERRUPTED =
  'The page closed (a reload, a closed tab) before the run ended: kept as of its last checkpoint.';

/**
 * Writes what the live runs have recorded so far to storage, marked "interrupted": if the
 * page goes away now, that is what the next visit shows. Their real end overwrites it.
 */
export function checkpointLiveRuns(): Promise<void> {
  const { rangeTest, training } = useAppStore.getState();
  const writes: Promise<void>[] = [];
  const rangeTestNow =
    rangeTest.status === 'running'
      ? rangeTestRecord({ reason: 'interrupted', message: INTERRUPTED })
      : null;
  if (rangeTestNow) writes.push(runKeeper.checkpoint(rangeTestNow));
  const trainingNow =
    training.status === 'running' || training.status === 'paused'
      ? trainingRecord({ reason: 'interrupted', message: INTERRUPTED })
      : null;
  if (trainingNow) writes.push(runKeeper.checkpoint(trainingNow));
  return Promise.all(writes).then(() => {});
}
