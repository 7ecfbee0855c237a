import * as tf from '@tensorflow/tfjs';
import { sweepLr } from '../../core';
import type { Batch } from '../data/batches';
import { deriveSeed } from '../data/seededRandom';
import type { Cnn } from '../model/cnn';
import { accuracy as batchAccuracy, softmaxCrossEntropy } from '../model/loss';
import type { Optimizer } from '../optimizers/optimizer';
import type { OptimizerName } from '../optimizers/updateRules';
import type { BatchStream } from './batchStream';
import type { EmitEvent, RangeTestConfig, RangeTestEnd, RangeTestStopReason } from './engineEvents';
import { stepOnce } from './stepOnce';
import { StepRecorder } from './stepRecorder';
import { yieldToEventLoop } from './yieldToEventLoop';

/** The smoothing fastai's recorder applies before its divergence check. */
const SMOOTHING_BETA = 0.98;

export interface RangeTestContext {
  model: Cnn;
  optimizer: Optimizer;
  optimizerName: OptimizerName;
  /** A stream of its own, so the test leaves the training run's data order untouched. */
  stream: BatchStream;
  /** A fixed batch for held-out loss and accuracy, when the config asks for it. */
  heldOut: Batch | null;
  /** Seeds this sweep's dropout (and augmentation) draws. */
  seed: number;
  repeatIdx: number;
  numRepeats: number;
  emit: EmitEvent;
  shouldStop: () => boolean;
}

/**
 * Leslie Smith's LR range test: sweeps the LR exponentially or linearly (pytorch-lr-finder's
 * sweep), records loss and accuracy per step, stops when the smoothed loss diverges or a loss
 * is not finite, and always restores the weights and the optimizer state it started from.
 */
export async function runRangeTest(
  ctx: RangeTestContext,
  config: RangeTestConfig,
): Promise<RangeTestEnd> {
  const { model, optimizer } = ctx;
  const weights = model.getWeights();
  const optimizerState = optimizer.snapshot();
  const started = performance.now();
  const recorder = new StepRecorder([
    'lr',
    'loss',
    'accuracy',
    'heldOutLoss',
    'heldOutAccuracy',
  ] as const);
  let reason: RangeTestStopReason = 'completed';
  let message = `Swept ${config.numIter} steps without diverging.`;
  let avg = 0;
  let best = Infinity;
  try {
    for (let k = 0; k < config.numIter; k++) {
      const lr = sweepLr({ ...config, library: 'pytorch-lr-finder' }, k);
      const step = await stepOnce(
        model,
        optimizer,
        ctx.stream.next(),
        { lr },
        deriveSeed(ctx.seed, 7919 + k),
      );
      const heldOut = ctx.heldOut
        ? await measure(model, ctx.heldOut)
        : { loss: NaN, accuracy: NaN };
      recorder.push({
        lr,
        loss: step.loss,
        accuracy: step.accuracy,
        heldOutLoss: heldOut.loss,
        heldOutAccuracy: heldOut.accuracy,
      });
      if (!Number.isFinite(step.loss)) {
        reason = 'nonFinite';
        message = `The loss became ${step.loss} at step ${k} (LR ${lr.toPrecision(3)}); stopped there.`;
        break;
      }
      avg = SMOOTHING_BETA * avg + (1 - SMOOTHING_BETA) * step.loss;
      const smoothed = avg / (1 - SMOOTHING_BETA ** (k + 1));
      best = Math.min(best, smoothed);
      if (smoothed > config.divergeFactor * best) {
        reason = 'diverged';
        message = `The smoothed loss passed ${config.divergeFactor}× its best at step ${k} (LR ${lr.toPrecision(3)}); stopped there.`;
        break;
      }
      if (recorder.due(performance.now())) emitChunk(ctx, recorder, config);
      await yieldToEventLoop();
      if (ctx.shouldStop()) {
        reason = 'stopped';
        message = `Stopped by request after ${k + 1} steps.`;
        break;
      }
    }
  } finally {
    model.setWeights(weights);
    optimizer.restore(optimizerState);
    tf.dispose(Object.values(weights));
    tf.dispose(Object.values(optimizerState.slots));
  }
  emitChunk(ctx, recorder, config);
  const end: RangeTestEnd = {
    type: 'rangeTestEnd',
    repeatIdx: ctx.repeatIdx,
    numRepeats: ctx.numRepeats,
    reason,
    numSteps: recorder.count,
    message,
    wallMs: performance.now() - started,
  };
  ctx.emit(end);
  return end;
}

async function measure(model: Cnn, batch: Batch): Promise<{ loss: number; accuracy: number }> {
  const both = tf.tidy(() => {
    const logits = model.forward(batch.xs, { training: false });
    return tf.stack([softmaxCrossEntropy(logits, batch.ys), batchAccuracy(logits, batch.ys)]);
  });
  const [loss, accuracy] = await both.data();
  both.dispose();
  return { loss, accuracy };
}

function emitChunk(
  ctx: RangeTestContext,
  recorder: StepRecorder<'lr' | 'loss' | 'accuracy' | 'heldOutLoss' | 'heldOutAccuracy'>,
  config: RangeTestConfig,
): void {
  const chunk = recorder.flush(performance.now());
  if (!chunk) return;
  const { values } = chunk;
  ctx.emit({
    type: 'rangeTestProgress',
    repeatIdx: ctx.repeatIdx,
    fromIdx: chunk.fromIdx,
    lr: Float64Array.from(values.lr),
    loss: Float32Array.from(values.loss),
    accuracy: Float32Array.from(values.accuracy),
    ...(config.heldOutBatch
      ? {
          heldOutLoss: Float32Array.from(values.heldOutLoss),
          heldOutAccuracy: Float32Array.from(values.heldOutAccuracy),
        }
      : {}),
  });
}
