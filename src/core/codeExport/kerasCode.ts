import type { CosineRestartsSpec, CyclicSpec, OneCycleSpec, ScheduleSpec } from '../scheduleSpec';
import { oneCyclePhases } from '../schedules';
import {
  cyclesMomentum,
  kerasOptimizerLine,
  kerasOptimizerNotes,
  type ExportOptions,
} from './optimizerCode';
import { cosineFormula, wsdFormula } from './kerasAnnealFormulas';
import { OPS, WHERE_HELPER, type Formula, type Op } from './kerasFormula';
import { pyFloat, pyNumber } from './pythonLiteral';
import { headerComment } from './scheduleSummary';

/**
 * Ready-to-paste Keras for a spec: a `LearningRateSchedule` whose `__call__` runs the same
 * formula as `lrAt`. The formula is written once, in `lr_at(step, <ops>)`: with its default
 * ops it is plain Python (math module), so it runs and can be checked without TensorFlow;
 * `__call__` passes TensorFlow's ops so it also runs on the optimizer's step tensor.
 */

const CLASS_NAMES: Record<Exclude<ScheduleSpec['policy'], 'fixed'>, string> = {
  step: 'StepDecaySchedule',
  exp: 'ExponentialDecaySchedule',
  triangular: 'TriangularSchedule',
  triangular2: 'Triangular2Schedule',
  exp_range: 'ExpRangeSchedule',
  cosine_restarts: 'CosineRestartsSchedule',
  one_cycle: 'OneCycleSchedule',
  cosine: 'CosineAnnealingSchedule',
  wsd: 'WarmupStableDecaySchedule',
};

export function kerasCode(spec: ScheduleSpec, options: ExportOptions): string {
  const notes = [
    ...kerasOptimizerNotes(options.optimizer, options.optimizerOptions),
    "Keras calls the schedule with the optimizer's 0-based step count, so lr_at(k) is the LR of",
    'the k-th batch: the same sequence as the playground and PyTorch, stepped per batch.',
    ...(cyclesMomentum(spec)
      ? [
          'Keras optimizers take momentum (beta_1 for Adam) as a fixed number, so only the LR',
          'follows the schedule here; the playground and the PyTorch export also cycle momentum.',
        ]
      : []),
  ];
  const header = headerComment('Keras LR schedule', spec, options, notes);
  if (spec.policy === 'fixed') {
    return [
      ...header,
      '# A fixed LR needs no schedule.',
      'import tensorflow as tf',
      '',
      kerasOptimizerLine(options.optimizer, pyFloat(spec.lr), options.optimizerOptions),
      '',
    ].join('\n');
  }
  const formula = formulaFor(spec);
  const className = CLASS_NAMES[spec.policy];
  const pythonOps = formula.ops.map((op) => `, ${op}=${OPS[op].python}`).join('');
  const usesMath = [...formula.helpers.flat(), ...formula.body, pythonOps].some((line) =>
    line.includes('math.'),
  );
  const lines = [
    ...header,
    ...(usesMath ? ['import math', ''] : []),
    'import tensorflow as tf',
    '',
    ...formula.helpers.flatMap((helper) => ['', ...helper, '']),
    '',
    `def lr_at(step${pythonOps}):`,
    '    """The LR of 0-based step `step`: plain Python by default, tensors with tf ops."""',
    ...formula.body.map((line) => `    ${line}`),
    '',
    '',
    `class ${className}(tf.keras.optimizers.schedules.LearningRateSchedule):`,
    `    """${spec.policy} schedule from LR Playground (see the spec above)."""`,
    '',
    '    def __call__(self, step):',
    ...callLines(formula.ops),
    '        return tf.cast(lr, tf.float32)',
    '',
    '    def get_config(self):',
    '        return {}',
    '',
    '',
    kerasOptimizerLine(options.optimizer, `${className}()`, options.optimizerOptions),
    '',
  ];
  return lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
}

/** `lr = lr_at(<step as float64>, <tf ops>)`, one argument per line when it would run long. */
function callLines(ops: readonly Op[]): string[] {
  const args = ['tf.cast(step, tf.float64)', ...ops.map((op) => `${op}=${OPS[op].tf}`)];
  const oneLine = `        lr = lr_at(${args.join(', ')})`;
  if (oneLine.length <= 88) return [oneLine];
  return ['        lr = lr_at(', ...args.map((arg) => `            ${arg},`), '        )'];
}

function formulaFor(spec: Exclude<ScheduleSpec, { policy: 'fixed' }>): Formula {
  switch (spec.policy) {
    case 'step':
      return {
        ops: ['floor'],
        helpers: [],
        body: [
          `return ${pyFloat(spec.lr)} * ${pyFloat(spec.gamma)} ** floor(step / ${pyNumber(spec.stepSize)})`,
        ],
      };
    case 'exp':
      return {
        ops: [],
        helpers: [],
        body: [`return ${pyFloat(spec.lr)} * ${pyFloat(spec.gamma)} ** step`],
      };
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
      return cyclicFormula(spec);
    case 'cosine_restarts':
      return cosineRestartsFormula(spec);
    case 'one_cycle':
      return oneCycleFormula(spec);
    case 'cosine':
      return cosineFormula(spec);
    case 'wsd':
      return wsdFormula(spec);
  }
}

/** PyTorch CyclicLR's asymmetric halves; `sf` is 0 at base_lr and 1 at max_lr. */
function cyclicFormula(spec: CyclicSpec): Formula {
  const up = spec.stepSize;
  const total = up + (spec.stepSizeDown ?? up);
  const ratio = pyFloat(up / total);
  const scale =
    spec.policy === 'exp_range'
      ? ` * ${pyFloat(spec.gamma)} ** step  # the swing shrinks every step`
      : spec.policy === 'triangular2'
        ? ' / 2 ** (cycle - 1)  # the swing halves every cycle'
        : '';
  const base = pyFloat(spec.baseLr);
  return {
    ops: ['floor', 'where'],
    helpers: [WHERE_HELPER],
    body: [
      `cycle = floor(1 + step / ${pyNumber(total)})  # ${pyNumber(total)} steps per cycle, counted from 1`,
      `x = 1 + step / ${pyNumber(total)} - cycle  # 0 → 1 through the cycle; rising until ${ratio}`,
      `sf = where(x <= ${ratio}, x / ${ratio}, (x - 1) / (${ratio} - 1))`,
      `return ${base} + (${pyFloat(spec.maxLr)} - ${base}) * sf${scale}`,
    ],
  };
}

/** SGDR; with a period multiplier the restart index comes from a log, corrected at restarts. */
function cosineRestartsFormula(spec: CosineRestartsSpec): Formula {
  const min = pyFloat(spec.minLr);
  const cosine = (t: string, period: string): string =>
    `return ${min} + (${pyFloat(spec.maxLr)} - ${min}) * (1 + cos(math.pi * ${t} / ${period})) / 2`;
  const t0 = pyNumber(spec.period);
  if (spec.periodMult === 1) {
    return {
      ops: ['floor', 'cos'],
      helpers: [],
      body: [
        `t = step - ${t0} * floor(step / ${t0})  # steps since the last restart`,
        cosine('t', t0),
      ],
    };
  }
  const m = pyNumber(spec.periodMult);
  const startOf = (n: string): string => `${t0} * (${m} ** ${n} - 1) / (${m} - 1)`;
  return {
    ops: ['floor', 'log', 'cos', 'where'],
    helpers: [WHERE_HELPER],
    body: [
      `n = floor(log(1 + step * (${m} - 1) / ${t0}) / ${pyFloat(Math.log(spec.periodMult))})  # period n, from 0; log(${m})`,
      '# The float log can land a hair off a restart: move n to the period that holds step.',
      `n = where(step < ${startOf('n')}, n - 1, n)`,
      `n = where(step >= ${startOf('(n + 1)')}, n + 1, n)`,
      `start = ${startOf('n')}  # the step of the last restart`,
      `period = ${t0} * ${m} ** n`,
      cosine('(step - start)', 'period'),
    ],
  };
}

/** OneCycleLR's phases; each starts at the previous phase's (float) end. */
function oneCycleFormula(spec: OneCycleSpec): Formula {
  const phases = oneCyclePhases(spec);
  const names = spec.threePhase ? ['warm_up', 'cool_down', 'final_decay'] : ['warm_up', 'anneal'];
  const cos = spec.anneal === 'cos';
  const anneal = cos
    ? [
        'def _anneal(start, end, pct, cos=math.cos):',
        '    """Cosine annealing from start (pct 0) to end (pct 1), as OneCycleLR does it."""',
        '    return end + (start - end) / 2 * (cos(math.pi * pct) + 1)',
      ]
    : [
        'def _anneal(start, end, pct):',
        '    """Linear annealing from start (pct 0) to end (pct 1), as OneCycleLR does it."""',
        '    return (end - start) * pct + start',
      ];
  const last = spec.totalSteps - 1;
  let start = 0;
  const phaseLines = phases.map((phase, i) => {
    const from = pyNumber(start);
    const pct =
      i === 0
        ? `step / ${pyNumber(phase.end)}`
        : `(step - ${from}) / (${pyNumber(phase.end)} - ${from})`;
    start = phase.end;
    return `${names[i]} = _anneal(${pyFloat(phase.lr[0])}, ${pyFloat(phase.lr[1])}, ${pct}${cos ? ', cos' : ''})`;
  });
  const choice = phases
    .slice(0, -1)
    .reduceRight(
      (inner, phase, i) => `where(step <= ${pyNumber(phase.end)}, ${names[i]}, ${inner})`,
      names[phases.length - 1],
    );
  return {
    ops: [...(cos ? (['cos'] as const) : []), 'minimum', 'where'],
    helpers: [WHERE_HELPER, anneal],
    body: [
      `step = minimum(step, ${last})  # after total_steps the LR stays at its last value`,
      ...phaseLines,
      `return ${choice}`,
    ],
  };
}
