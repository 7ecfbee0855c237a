import * as tf from '@tensorflow/tfjs';
import { createCnn, MNIST_SHAPE, type CnnOptions } from '../model/cnn';

const { side: IMAGE_SIZE, numClasses: NUM_CLASSES } = MNIST_SHAPE;
import { softmaxCrossEntropy } from '../model/loss';

/** Per parameter, the largest difference allowed, relative to the reference's largest value. */
const RELATIVE_TOLERANCE = 1e-2;
const BATCH = 4;

/** Gradients of every parameter for one fixed batch on the active backend, by name. */
export async function stepGradients(
  modelOptions: Partial<CnnOptions>,
): Promise<Map<string, Float32Array>> {
  // No dropout: the check is about the backend's kernels, not about random masks.
  const model = createCnn({ ...modelOptions, dropoutRate: 0 }, 7);
  try {
    const grads = tf.tidy(() => {
      const pixels = Float32Array.from(
        { length: BATCH * IMAGE_SIZE * IMAGE_SIZE },
        (_, i) => ((i * 7919) % 997) / 997,
      );
      const xs = tf.tensor4d(pixels, [BATCH, IMAGE_SIZE, IMAGE_SIZE, 1]);
      const labels = tf.tensor1d([3, 7, 0, 9], 'int32');
      const ys = tf.cast(tf.oneHot(labels, NUM_CLASSES), 'float32') as tf.Tensor2D;
      return tf.variableGrads(() => softmaxCrossEntropy(model.forwardTraining(xs).logits, ys))
        .grads;
    });
    const values = new Map<string, Float32Array>();
    for (const { name, variable } of model.params) {
      const grad = grads[variable.name];
      values.set(name, grad ? ((await grad.data()) as Float32Array) : new Float32Array(0));
    }
    tf.dispose(Object.values(grads));
    return values;
  } finally {
    model.dispose();
  }
}

/**
 * One training step's gradients on the active backend against the same step on `reference`
 * (default cpu), which is left active only while it runs. Resolves to null when every
 * parameter's gradient agrees within 1 % of its largest reference value, else to why not
 * (e.g. tfjs 4.22 gives all-zero gradients on some WebGPU drivers, tensorflow/tfjs#8590).
 */
export async function gradientSelfTest(
  modelOptions: Partial<CnnOptions>,
  reference = 'cpu',
): Promise<string | null> {
  const backend = tf.getBackend();
  const ours = await stepGradients(modelOptions);
  if (!(await tf.setBackend(reference))) return `gradient self-test: ${reference} did not start`;
  let expected: Map<string, Float32Array>;
  try {
    expected = await stepGradients(modelOptions);
  } finally {
    await tf.setBackend(backend);
  }
  return gradientMismatch(ours, expected, reference);
}

/**
 * Why `ours` differs from `expected` (the gradients of `reference`), or null when every
 * parameter's gradient agrees within 1 % of its largest expected value.
 */
export function gradientMismatch(
  ours: Map<string, Float32Array>,
  expected: Map<string, Float32Array>,
  reference: string,
): string | null {
  for (const [name, want] of expected) {
    const got = ours.get(name) ?? new Float32Array(0);
    const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (got.length !== want.length) {
      return `gradient self-test failed: ${name} has ${got.length} values, ${reference} ${want.length}`;
    }
    let worst = 0;
    want.forEach((v, i) => {
      // NaN counts as the worst difference.
      const d = Math.abs(v - got[i]);
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    });
    if (worst > RELATIVE_TOLERANCE * scale + 1e-6) {
      const share = scale > 0 ? `${((100 * worst) / scale).toPrecision(3)} %` : `${worst}`;
      return (
        `gradient self-test failed: ${name}'s gradient differs from ${reference}'s ` +
        `by ${share} of its largest value`
      );
    }
  }
  return null;
}
