import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleSpecArb } from '../../../tests/scheduleArbitraries';
import { parseScheduleSpec } from '../scheduleSpec';
import { kerasCode } from './kerasCode';
import type { ExportOptions } from './optimizerCode';

const options: ExportOptions = { optimizer: 'sgdMomentum', batchSize: 64, iterationsPerEpoch: 860 };

/** The op parameters `lr_at` takes, and the ones `__call__` passes TensorFlow's ops for. */
function opsOf(code: string): { taken: string[]; passedTf: string[] } {
  const signature = /^def lr_at\(step((?:, \w+=[\w.]+)*)\):$/m.exec(code);
  if (!signature) throw new Error('no lr_at(step, …) definition');
  const taken = [...signature[1].matchAll(/(\w+)=/g)].map((m) => m[1]);
  const call = /lr = lr_at\(([\s\S]*?)\)\n/.exec(code);
  if (!call) throw new Error('no lr_at call in __call__');
  const passedTf = [...call[1].matchAll(/(\w+)=tf\.[\w.]+/g)].map((m) => m[1]);
  return { taken, passedTf };
}

describe('the Keras export', () => {
  it('is a LearningRateSchedule on the float64 step whose lr_at gets a TensorFlow op for every op it takes', () => {
    fc.assert(
      fc.property(
        scheduleSpecArb.filter((spec) => spec.policy !== 'fixed'),
        (spec) => {
          const code = kerasCode(spec, options);
          expect(code).toMatch(
            /^class \w+Schedule\(tf\.keras\.optimizers\.schedules\.LearningRateSchedule\):$/m,
          );
          expect(code).toContain('tf.cast(step, tf.float64)');
          const { taken, passedTf } = opsOf(code);
          expect(passedTf).toEqual(taken);
          expect(code).toMatch(
            /^optimizer = tf\.keras\.optimizers\.SGD\(learning_rate=\w+Schedule\(\), momentum=0\.9\)$/m,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('imports math exactly when the formula uses it', () => {
    const exp = kerasCode(parseScheduleSpec({ policy: 'exp', lr: 0.1, gamma: 0.99 }), options);
    expect(exp).not.toContain('import math');
    expect(exp).toContain('return 0.1 * 0.99 ** step');
    const sgdr = kerasCode(
      parseScheduleSpec({ policy: 'cosine_restarts', maxLr: 0.1, period: 10 }),
      options,
    );
    expect(sgdr).toContain('import math');
  });

  it('passes a fixed LR straight to the optimizer', () => {
    const code = kerasCode(parseScheduleSpec({ policy: 'fixed', lr: 0.01 }), options);
    expect(code).not.toContain('LearningRateSchedule');
    expect(code).toContain('optimizer = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)');
  });

  it("spells out PyTorch's optimizer defaults where Keras's differ", () => {
    const spec = parseScheduleSpec({ policy: 'fixed', lr: 0.001 });
    expect(kerasCode(spec, { ...options, optimizer: 'adam' })).toContain(
      'tf.keras.optimizers.Adam(learning_rate=0.001, epsilon=1e-8)',
    );
    expect(kerasCode(spec, { ...options, optimizer: 'rmsprop' })).toContain(
      'tf.keras.optimizers.RMSprop(learning_rate=0.001, rho=0.99, epsilon=1e-8)',
    );
  });

  it('says that momentum is not cycled in Keras when the spec cycles it', () => {
    const json = { policy: 'one_cycle', maxLr: 0.1, totalSteps: 100 };
    const note = 'Keras optimizers take momentum (beta_1 for Adam) as a fixed number';
    expect(kerasCode(parseScheduleSpec({ ...json, cycleMomentum: true }), options)).toContain(note);
    expect(kerasCode(parseScheduleSpec(json), options)).not.toContain(note);
  });
});

describe('the Keras export of the newer optimizers', () => {
  const spec = parseScheduleSpec({ policy: 'cosine', maxLr: 0.01, totalSteps: 100 });

  it("writes Keras's AdamW with PyTorch's weight decay and epsilon", () => {
    expect(kerasCode(spec, { ...options, optimizer: 'adamw' })).toContain(
      'optimizer = tf.keras.optimizers.AdamW(learning_rate=CosineAnnealingSchedule(), weight_decay=0.01, epsilon=1e-8)',
    );
  });

  it.each([
    [
      'adamw',
      { weightDecay: 0.05, beta2: 0.99 },
      'tf.keras.optimizers.AdamW(learning_rate=CosineAnnealingSchedule(), weight_decay=0.05, beta_2=0.99, epsilon=1e-8)',
    ],
    [
      'adadelta',
      { rho: 0.95, eps: 1e-7 },
      'tf.keras.optimizers.Adadelta(learning_rate=CosineAnnealingSchedule(), rho=0.95, epsilon=1e-7)',
    ],
    [
      'rmsprop',
      { alpha: 0.9 },
      'tf.keras.optimizers.RMSprop(learning_rate=CosineAnnealingSchedule(), rho=0.9, epsilon=1e-8)',
    ],
    [
      'sgdScheduleFree',
      { momentum: 0.95 },
      'tf.keras.optimizers.SGD(learning_rate=CosineAnnealingSchedule(), momentum=0.95)',
    ],
  ] as const)(
    '%s with %j: the same values as the PyTorch line, in Keras names',
    (optimizer, set, call) => {
      expect(kerasCode(spec, { ...options, optimizer, optimizerOptions: set })).toContain(
        `optimizer = ${call}\n`,
      );
    },
  );

  it("says how to get torch's L2 weight decay in Keras, where Keras's own is decoupled", () => {
    const code = kerasCode(spec, {
      ...options,
      optimizer: 'adam',
      optimizerOptions: { weightDecay: 0.1 },
    });
    const header = code
      .split('\n')
      .filter((text) => text.startsWith('# '))
      .map((text) => text.slice(2))
      .join(' ');
    expect(header).toContain("PyTorch's weight_decay=0.1 here adds 0.1·w to each gradient");
    expect(header).toContain('kernel_regularizer=tf.keras.regularizers.L2(0.05)');
    expect(code).not.toMatch(/Adam\(.*weight_decay/);
    // Plain SGD's decay is the same update either way: Keras's own argument.
    const sgd = kerasCode(spec, {
      ...options,
      optimizer: 'sgd',
      optimizerOptions: { weightDecay: 0.1 },
    });
    expect(sgd).toContain(
      'tf.keras.optimizers.SGD(learning_rate=CosineAnnealingSchedule(), weight_decay=0.1)',
    );
    expect(sgd).not.toContain('kernel_regularizer');
  });

  it.each([
    ['sgdScheduleFree', 'Keras has no Schedule-Free optimizer', 'tf.keras.optimizers.SGD('],
    ['adamwScheduleFree', 'Keras has no Schedule-Free optimizer', 'tf.keras.optimizers.Adam('],
    ['prodigy', 'Keras has no Prodigy', 'optimizer = None'],
  ] as const)(
    'says where Keras has no %s, and what the line holds instead',
    (optimizer, note, line) => {
      const code = kerasCode(spec, { ...options, optimizer });
      const header = code
        .split('\n')
        .filter((text) => text.startsWith('# '))
        .map((text) => text.slice(2))
        .join(' ');
      expect(header).toContain(note);
      expect(code).toContain(line);
    },
  );
});
