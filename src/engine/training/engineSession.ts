import * as tf from '@tensorflow/tfjs';
import {
  parseConfig,
  rangeTestConfigSchema,
  scheduleSpecField,
  sessionConfigSchema,
  trainConfigSchema,
} from '../../core';
import type { Batch } from '../data/batches';
import { evaluationBatches } from '../data/batches';
import type { Dataset } from '../data/imageSet';
import { deriveSeed } from '../data/seededRandom';
import { createCnn, type Cnn, type InputShape } from '../model/cnn';
import { createOptimizer, type Optimizer } from '../optimizers/optimizer';
import { atEvaluationPoint } from './averagedPoint';
import { BatchStream } from './batchStream';
import type {
  EmitEvent,
  RangeTestConfig,
  RangeTestEnd,
  SessionConfig,
  TrainConfig,
} from './engineEvents';
import { runRangeTest } from './rangeTest';
import { TrainingRun, type TrainEnd } from './trainingRun';

/** Repeat 0 keeps `seed` (a single test is as before); later repeats derive their own. */
function repeatSeed(seed: number, repeatIdx: number): number {
  return repeatIdx === 0 ? seed : deriveSeed(seed, 7000 + repeatIdx);
}

/** Images in the range test's held-out batch. */
const HELD_OUT_SIZE = 256;

export interface DatasetInfo {
  name: string;
  trainSize: number;
  validationSize: number;
  testSize: number;
  /** Classes the model tells apart: chance accuracy is 1 / numClasses. */
  numClasses: number;
  iterationsPerEpoch: number;
}

/**
 * The engine's one entry point: a model, its optimizer and its data, and the range test and
 * training runs on them. The same class runs inside the worker and in Node tests.
 */
export class EngineSession {
  private config: SessionConfig;
  private model: Cnn;
  private optimizer: Optimizer;
  private trainStream: BatchStream;
  private run: TrainingRun | null = null;
  private rangeTestStop: { requested: boolean } | null = null;

  constructor(
    private readonly dataset: Dataset,
    config: SessionConfig,
    private readonly emit: EmitEvent,
  ) {
    this.config = parseConfig('session', sessionConfigSchema, config);
    this.model = createCnn(config.model, config.seed, this.inputShape);
    this.optimizer = createOptimizer(
      this.config.optimizer,
      this.model.params,
      this.config.optimizerOptions,
    );
    this.trainStream = this.newTrainStream();
  }

  get sessionConfig(): SessionConfig {
    return this.config;
  }

  /** The images the model takes, and how many classes it tells apart: the dataset's. */
  get inputShape(): InputShape {
    const { rows, channels, numClasses } = this.dataset.train;
    return { side: rows, channels, numClasses };
  }

  get datasetInfo(): DatasetInfo {
    return {
      name: this.dataset.name,
      trainSize: this.dataset.train.count,
      validationSize: this.dataset.validation.count,
      testSize: this.dataset.test.count,
      numClasses: this.dataset.train.numClasses,
      iterationsPerEpoch: this.trainStream.iterationsPerEpoch,
    };
  }

  get busy(): boolean {
    return this.run !== null || this.rangeTestStop !== null;
  }

  /**
   * Runs a range test from the current weights, `repeats` times: each sweep with its own seed for
   * the data order and dropout (and new initial weights with `reinitWeights`); the first is the
   * single test's. The weights and the optimizer state are restored after every sweep, so after
   * all of them (or a stop) the model is as it was. Resolves with the last sweep's end.
   */
  async rangeTest(sent: RangeTestConfig): Promise<RangeTestEnd> {
    this.assertIdle('run a range test');
    const config = parseConfig('rangeTest', rangeTestConfigSchema, sent);
    const stop = { requested: false };
    this.rangeTestStop = stop;
    const heldOut = config.heldOutBatch ? this.heldOutBatch() : null;
    const start = config.reinitWeights ? this.model.getWeights() : null;
    try {
      let end: RangeTestEnd | null = null;
      for (let repeatIdx = 0; repeatIdx < config.repeats; repeatIdx++) {
        if (start && repeatIdx > 0) this.loadFreshWeights(repeatIdx);
        end = await runRangeTest(
          {
            model: this.model,
            optimizer: this.optimizer,
            optimizerName: this.config.optimizer,
            // Its own data order: the test must not shift the batches training will see.
            stream: new BatchStream(
              this.dataset.train,
              this.config.batchSize,
              repeatSeed(deriveSeed(this.config.seed, 31), repeatIdx),
              this.config.augment,
            ),
            heldOut,
            seed: repeatSeed(this.config.seed, repeatIdx),
            repeatIdx,
            numRepeats: config.repeats,
            emit: this.emit,
            shouldStop: () => stop.requested,
          },
          config,
        );
        if (end.reason === 'stopped') break;
      }
      if (!end) throw new Error('a range test needs at least one repeat');
      return end;
    } finally {
      if (start) {
        this.model.setWeights(start);
        tf.dispose(Object.values(start));
      }
      if (heldOut) tf.dispose([heldOut.xs, heldOut.ys]);
      this.rangeTestStop = null;
    }
  }

  /** Trains from the current weights under a schedule until the run ends or is stopped. */
  async train(sent: TrainConfig): Promise<TrainEnd> {
    this.assertIdle('start training');
    const config = parseConfig('train', trainConfigSchema, sent);
    const run = new TrainingRun(
      {
        model: this.model,
        optimizer: this.optimizer,
        optimizerName: this.config.optimizer,
        stream: this.trainStream,
        dataset: this.dataset,
        seed: this.config.seed,
        emit: this.emit,
      },
      config,
    );
    this.run = run;
    try {
      return await run.run();
    } finally {
      this.run = null;
    }
  }

  pause(): void {
    this.run?.pause();
  }

  resume(): void {
    this.run?.resume();
  }

  step(): void {
    this.run?.step();
  }

  /**
   * The running (or paused) training run follows `sent` from its next step on; refused, with a
   * message naming the field, for a spec the core's schema rejects or when no run is active.
   */
  setSchedule(sent: unknown): void {
    const spec = parseConfig('schedule', scheduleSpecField, sent);
    if (!this.run) {
      throw new Error('No training run is active: the schedule is sent to the engine with Train.');
    }
    this.run.setSchedule(spec);
  }

  stopAtEndOfCycle(): void {
    this.run?.stopAtEndOfCycle();
  }

  /** Stops whatever runs (range test or training) after its current step. */
  stop(): void {
    this.run?.stop();
    if (this.rangeTestStop) this.rangeTestStop.requested = true;
  }

  /**
   * Back to the initial weights of the seed, a fresh optimizer and the first batch; optionally
   * with new settings (same dataset: a new dataset needs a new session). A change of optimizer
   * without `optimizerOptions` drops the old optimizer's options.
   */
  reset(change: Partial<Omit<SessionConfig, 'dataset'>> = {}): void {
    this.assertIdle('reset');
    // Another optimizer starts from its own defaults unless options come with it.
    const options = change.optimizer === undefined ? {} : { optimizerOptions: undefined };
    const next = parseConfig('session', sessionConfigSchema, {
      ...this.config,
      ...options,
      ...change,
    });
    this.optimizer.dispose();
    this.model.dispose();
    this.config = next;
    this.model = createCnn(next.model, next.seed, this.inputShape);
    this.optimizer = createOptimizer(next.optimizer, this.model.params, next.optimizerOptions);
    this.trainStream = this.newTrainStream();
  }

  /** Bitwise copies of the current weights (caller disposes). */
  weights(): tf.NamedTensorMap {
    return this.model.getWeights();
  }

  /**
   * The weights to ship (caller disposes): the current ones, or for Schedule-Free the average
   * x with batch-norm statistics refreshed for it (training continues from y afterwards).
   */
  async exportWeights(): Promise<tf.NamedTensorMap> {
    this.assertIdle('export the model');
    const refresh = { train: this.dataset.train, seed: this.config.seed };
    return atEvaluationPoint(this.model, this.optimizer, refresh, async () =>
      this.model.getWeights(),
    );
  }

  dispose(): void {
    this.stop();
    this.optimizer.dispose();
    this.model.dispose();
  }

  /** The initial weights another init seed gives, for repeat `repeatIdx` of a range test. */
  private loadFreshWeights(repeatIdx: number): void {
    const fresh = createCnn(
      this.config.model,
      repeatSeed(deriveSeed(this.config.seed, 53), repeatIdx),
    );
    const weights = fresh.getWeights();
    fresh.dispose();
    this.model.setWeights(weights);
    tf.dispose(Object.values(weights));
  }

  private newTrainStream(): BatchStream {
    const { batchSize, seed, augment } = this.config;
    return new BatchStream(this.dataset.train, batchSize, seed, augment);
  }

  private heldOutBatch(): Batch {
    const batches = evaluationBatches(this.dataset.validation, HELD_OUT_SIZE);
    const first = batches.next();
    batches.return(undefined);
    if (first.done) throw new Error('the validation set is empty');
    return first.value;
  }

  private assertIdle(action: string): void {
    if (this.busy) throw new Error(`Cannot ${action} while a run is in progress; stop it first.`);
  }
}
