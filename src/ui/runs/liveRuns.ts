import type { RangeTestConfig, RunLength, SessionConfig } from '../../worker/contract';
import { runIterations, type ScheduleSpec } from '../../core';
import { formatRate } from '../format';
import { rangeTestSeries, trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { runKeeper } from './runKeeper';
import type { RangeTestRecord, TrainingRecord } from './runRecord';

/**
 * Turns the live run into a kept one when it ends. What it ran with is captured as it starts
 * (settings may be edited while it runs); the series are copied from the live buffers at the end.
 */

interface Started {
  startedAt: number;
  session: SessionConfig;
}

let rangeTestStarted: (Started & { config: RangeTestConfig }) | null = null;
let trainingStarted: (Started & { schedule: ScheduleSpec; length: RunLength }) | null = null;

useAppStore.subscribe((state, previous) => {
  if (state.rangeTest.status === 'running' && previous.rangeTest.status !== 'running') {
    rangeTestStarted = {
      startedAt: Date.now(),
      session: state.session,
      config: state.rangeTest.config,
    };
  }
  const wasIdle = previous.training.status === 'idle' || previous.training.status === 'ended';
  if (state.training.status === 'running' && wasIdle && state.training.runSpec) {
    trainingStarted = {
      startedAt: Date.now(),
      session: state.session,
      schedule: state.training.runSpec,
      length: state.training.length,
    };
  }
});

/** A copy of what a live buffer holds now, or null when it recorded nothing. */
function copyOf(buffer: { length: number; view(): Float64Array }): Float64Array | null {
  return buffer.length > 0 ? buffer.view().slice() : null;
}

/**
 * The length the run was planned with: the Training panel's, unless the engine planned another
 * (a race leg brings its own), then as many iterations as the engine planned.
 */
function runLength(formLength: RunLength, schedule: ScheduleSpec): RunLength {
  const { training, engine } = useAppStore.getState();
  const perEpoch = engine.dataset?.iterationsPerEpoch ?? 0;
  const total = training.totalIterations;
  if (total === 0 || runIterations(schedule, formLength, perEpoch) === total) return formLength;
  return { unit: 'iterations', value: total };
}

function plural(value: number, unit: string): string {
  return `${value} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
}

/** Keeps the range test that just ended (a step-less one is not worth a list entry). */
export function keepRangeTest(end: {
  reason: RangeTestRecord['stopReason'];
  message: string;
  wallMs?: number;
}): void {
  const started = rangeTestStarted;
  rangeTestStarted = null;
  const lr = copyOf(rangeTestSeries.lr);
  if (!started || !lr) return;
  const { engine } = useAppStore.getState();
  const wallMs = end.wallMs ?? Date.now() - started.startedAt;
  const { config } = started;
  const record: RangeTestRecord = {
    kind: 'rangeTest',
    id: crypto.randomUUID(),
    name: `Range test ${formatRate(config.startLr)}→${formatRate(config.endLr)}`,
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
  void runKeeper.keep(record);
}

/** Keeps the training run that just ended (the engine's end event, or the page's own). */
export function keepTrainingRun(end: {
  reason?: TrainingRecord['stopReason'];
  message?: string;
}): void {
  const started = trainingStarted;
  trainingStarted = null;
  const lr = copyOf(trainingSeries.lr);
  if (!started || !lr) return;
  const { engine, training } = useAppStore.getState();
  const length = runLength(started.length, started.schedule);
  const record: TrainingRecord = {
    kind: 'training',
    id: crypto.randomUUID(),
    name: `${started.schedule.policy}, ${plural(length.value, length.unit)}`,
    pinned: false,
    shown: false,
    startedAt: started.startedAt,
    wallMs: Date.now() - started.startedAt,
    samplesPerSec: training.samplesPerSec,
    backend: engine.backend?.backend ?? null,
    session: started.session,
    message: end.message ?? '',
    schedule: started.schedule,
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
  void runKeeper.keep(record);
}
