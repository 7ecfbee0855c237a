/**
 * The pieces of a Keras export's `lr_at(step, <ops>)`: each op is a parameter whose default is
 * plain Python and which `__call__` sets to TensorFlow's, so one formula serves both.
 */

/** An op the formula takes as a parameter: its plain-Python default and TensorFlow's. */
export type Op = 'floor' | 'cos' | 'log' | 'sqrt' | 'minimum' | 'maximum' | 'where';

export const OPS: Record<Op, { python: string; tf: string }> = {
  floor: { python: 'math.floor', tf: 'tf.math.floor' },
  cos: { python: 'math.cos', tf: 'tf.math.cos' },
  log: { python: 'math.log', tf: 'tf.math.log' },
  sqrt: { python: 'math.sqrt', tf: 'tf.math.sqrt' },
  minimum: { python: 'min', tf: 'tf.math.minimum' },
  maximum: { python: 'max', tf: 'tf.math.maximum' },
  where: { python: '_where', tf: 'tf.where' },
};

export interface Formula {
  ops: Op[];
  /** Module-level helpers the body calls, each a list of lines. */
  helpers: string[][];
  body: string[];
}

export const WHERE_HELPER = [
  'def _where(condition, if_true, if_false):',
  '    """tf.where for plain Python numbers."""',
  '    return if_true if condition else if_false',
];
