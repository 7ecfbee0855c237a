import { cycleAt, lrAt, momentumAt, type ScheduleSpec } from '../../core';
import { deriveSeed } from '../data/seededRandom';
import type { TrainConfig, TrainStopReason, ValidationResult } from './engineEvents';
import { atEvaluationPoint } from './averagedPoint';
import { evaluate, evaluateWithProbabilities } from './evaluate';
import { accuracyByEnsembleSize } from './snapshotEnsemble';
import { ScheduleLog } from './scheduleLog';
import { hyperFor, stepOnce } from './stepOnce';
import { StepRecorder } from './stepRecorder';
import type { TrainContext, TrainEnd } from './trainingRunTypes';
import { yieldToEventLoop } from './yieldToEventLoop';

export type { TrainContext, TrainEnd } from './trainingRunTypes';

/**
 * One training run under a schedule: sets the LR (and momentum or beta1) before every step,
 * validates on a cadence and at every cycle end, keeps a snapshot at each cycle end for the
 * ensemble, and can be paused, resumed, single-stepped and stopped between any two steps.
 * Its config is one the session has checked against the core's schema.
 */
export class TrainingRun {
  private paused = false;
  private stepsAllowed = 0;
  private wake: (() => void) | null = null;
  private stopRequested = false;
  private stopAtCycleEnd = false;
  /** A schedule sent during the run, taken up before the next step. */
  private pendingSpec: ScheduleSpec | null = null;
  /** The next step to train, and whether the loop is waiting (paused) before it. */
  private nextIdx = 0;
  private waiting = false;
  private readonly schedule: ScheduleLog;
  /**
   * The snapshots, oldest first, as their softmax outputs on the validation set: all the
   * ensemble needs of them, and they never change once taken.
   */
  private readonly snapshots: Float32Array[] = [];

  constructor(
    private readonly ctx: TrainContext,
    private readonly config: TrainConfig,
  ) {
    this.schedule = new ScheduleLog(
      config.schedule,
      config.length,
      ctx.stream.iterationsPerEpoch,
      config.plannedChanges,
    );
  }

  /**
   * From the next step on, train under `spec` (a function of the absolute iteration, as the
   * first spec was). Applied at once while paused, else before the next step; refused with a
   * message when the run could not end under it.
   */
  setSchedule(spec: ScheduleSpec): void {
    const refusal = this.schedule.refusal(spec, this.nextIdx);
    if (refusal) throw new RangeError(refusal);
    // The form showing a replayed change sends it back: that is no change of the user's.
    if (!this.schedule.isCurrent(spec)) this.schedule.endReplay();
    this.pendingSpec = spec;
    if (this.waiting) this.takePendingSpec();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wakeUp();
  }

  /** While paused: run exactly one more step, then stay paused. */
  step(): void {
    if (!this.paused) return;
    this.stepsAllowed += 1;
    this.wakeUp();
  }

  stop(): void {
    this.stopRequested = true;
    this.wakeUp();
  }

  /** Finish the current cycle, then stop (at its LR minimum, where a snapshot is worth keeping). */
  stopAtEndOfCycle(): void {
    this.stopAtCycleEnd = true;
  }

  async run(): Promise<TrainEnd> {
    const { ctx, config, schedule } = this;
    const perEpoch = ctx.stream.iterationsPerEpoch;
    // Momentum is reported from the first spec that cycles it on (NaN where none did).
    let cycled = momentumAt(schedule.current, 0) !== undefined;
    const recorder = new StepRecorder([
      'lr',
      'momentum',
      'effectiveLr',
      'loss',
      'accuracy',
    ] as const);
    // Prodigy's step size is lr·d; for other optimizers it is the LR itself.
    const adaptive = ctx.optimizer.hasEffectiveLr;
    const started = performance.now();
    let windowSamples = 0;
    let windowMs = 0;
    let samplesPerSec = 0;
    let reason: TrainStopReason = 'completed';
    let message: string | undefined;
    let k = 0;
    let lastValidated = -1;
    // Counted as trained, so a changed schedule's cycles number on from the old ones.
    let numCycleEnds = 0;
    let cycleNum = 1;

    const flush = () => {
      if (windowMs > 0) samplesPerSec = (windowSamples / windowMs) * 1000;
      windowSamples = 0;
      windowMs = 0;
      const chunk = recorder.flush(performance.now());
      if (!chunk) return;
      const { values } = chunk;
      ctx.emit({
        type: 'trainProgress',
        fromIdx: chunk.fromIdx,
        lr: Float64Array.from(values.lr),
        momentum: cycled ? Float64Array.from(values.momentum) : null,
        ...(adaptive ? { effectiveLr: Float64Array.from(values.effectiveLr) } : {}),
        loss: Float32Array.from(values.loss),
        accuracy: Float32Array.from(values.accuracy),
        samplesPerSec,
        epochIdx: ctx.stream.currentEpochIdx,
        iterationsPerEpoch: perEpoch,
        totalIterations: schedule.total,
      });
    };

    ctx.emit({ type: 'trainState', state: 'running' });
    try {
      for (; k < schedule.total; k++) {
        this.nextIdx = k;
        if (this.paused && this.stepsAllowed === 0) {
          flush();
          ctx.emit({ type: 'trainState', state: 'paused' });
          this.waiting = true;
          await this.waitForWork();
          this.waiting = false;
          if (!this.stopRequested) ctx.emit({ type: 'trainState', state: 'running' });
        }
        this.takePendingSpec();
        // A run of cycles may have become shorter than what it has already trained.
        if (k >= schedule.total) break;
        if (this.stopRequested) {
          reason = 'stopped';
          message = `Stopped by request after ${k} iterations.`;
          break;
        }
        if (this.stepsAllowed > 0) this.stepsAllowed -= 1;

        const stepStart = performance.now();
        const spec = schedule.current;
        cycled ||= momentumAt(spec, k) !== undefined;
        const lr = lrAt(spec, k);
        const momentum = momentumAt(spec, k);
        const batch = ctx.stream.next();
        const batchSize = batch.xs.shape[0];
        const result = await stepOnce(
          ctx.model,
          ctx.optimizer,
          batch,
          hyperFor(ctx.optimizerName, lr, momentum),
          deriveSeed(ctx.seed, 104_729 + k),
        );
        recorder.push({
          lr,
          momentum: momentum ?? NaN,
          effectiveLr: result.effectiveLr ?? NaN,
          loss: result.loss,
          accuracy: result.accuracy,
        });
        windowSamples += batchSize;
        windowMs += performance.now() - stepStart;

        if (!Number.isFinite(result.loss)) {
          reason = 'nonFinite';
          message = `The loss became ${result.loss} at iteration ${k} (LR ${lr.toPrecision(3)}): the LR is too high for this model. Everything up to there is kept.`;
          k += 1;
          break;
        }
        const cycle = cycleAt(spec, k);
        cycleNum = numCycleEnds + 1;
        if (cycle.isCycleEnd) numCycleEnds += 1;
        if ((k + 1) % config.validateEvery === 0 || cycle.isCycleEnd) {
          flush();
          await this.validate(k + 1, cycle.isCycleEnd, cycleNum);
          lastValidated = k + 1;
        }
        if (cycle.isCycleEnd && this.stopAtCycleEnd) {
          reason = 'cycleEnd';
          message = `Stopped at the end of cycle ${cycleNum}, after ${k + 1} iterations.`;
          k += 1;
          break;
        }
        if (recorder.due(performance.now())) flush();
        await yieldToEventLoop();
      }
      flush();
      if (reason !== 'nonFinite' && lastValidated !== k && k > 0) {
        await this.validate(k, false, cycleNum);
      }
      if (config.testAtEnd && reason !== 'nonFinite' && k > 0) {
        const test = await this.atEvaluationPoint(() => evaluate(ctx.model, ctx.dataset.test));
        ctx.emit({ type: 'test', iteration: k, ...test });
      }
    } finally {
      this.snapshots.length = 0;
    }
    message ??= `Finished ${k} iterations.`;
    ctx.emit({ type: 'trainState', state: 'ended', reason, message });
    return { reason, message, iterations: k, wallMs: performance.now() - started };
  }

  /** `measure` at the point the optimizer is judged at (Schedule-Free: x, not y). */
  private atEvaluationPoint<T>(measure: () => Promise<T>): Promise<T> {
    const { model, optimizer, dataset, seed } = this.ctx;
    return atEvaluationPoint(model, optimizer, { train: dataset.train, seed }, measure);
  }

  /** Validation loss and accuracy; at a cycle end also the snapshot ensembles of every size. */
  private validate(iteration: number, isCycleEnd: boolean, cycleNum: number): Promise<void> {
    return this.atEvaluationPoint(() => this.validateHere(iteration, isCycleEnd, cycleNum));
  }

  private async validateHere(
    iteration: number,
    isCycleEnd: boolean,
    cycleNum: number,
  ): Promise<void> {
    const { ctx, config } = this;
    const set = ctx.dataset.validation;
    const snapshot = isCycleEnd && config.maxSnapshots > 0;
    let single: { loss: number; accuracy: number };
    let ensembleByM: number[] = [];
    if (snapshot) {
      // The snapshot is the model as it is now: its outputs come from this very evaluation.
      const measured = await evaluateWithProbabilities(ctx.model, set);
      this.snapshots.push(measured.probabilities);
      if (this.snapshots.length > config.maxSnapshots) this.snapshots.shift();
      ensembleByM = accuracyByEnsembleSize(this.snapshots, set.labels, set.numClasses);
      single = measured;
    } else {
      single = await evaluate(ctx.model, set);
    }
    const members = ensembleByM.length;
    const result: ValidationResult = {
      type: 'validation',
      iteration,
      loss: single.loss,
      accuracy: single.accuracy,
      isCycleEnd,
      cycleNum,
      ensembleAccuracy: members >= 2 ? ensembleByM[members - 1] : null,
      ensembleSize: members >= 2 ? members : 0,
      ensembleByM,
    };
    ctx.emit(result);
  }

  /** Makes a schedule sent (or replayed) since the last step the one in force from `nextIdx`. */
  private takePendingSpec(): void {
    const spec = this.pendingSpec ?? this.schedule.duePlanned(this.nextIdx);
    this.pendingSpec = null;
    if (!spec || !this.schedule.apply(spec, this.nextIdx)) return;
    this.ctx.emit({
      type: 'scheduleChanged',
      iteration: this.nextIdx,
      spec,
      totalIterations: this.schedule.total,
    });
  }

  private waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
