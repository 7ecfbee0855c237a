import type { ScheduleSpec, WsdShape, WsdSpec } from '../scheduleSpec';
import { WHERE_HELPER, type Formula } from './kerasFormula';
import { pyFloat, pyNumber } from './pythonLiteral';

/** Keras formulas of the schedules that anneal once and hold: cosine annealing and WSD. */

/**
 * CosineAnnealingLR, held at min_lr after total_steps (Keras's built-in CosineDecay does the
 * same: `CosineDecay(max_lr, decay_steps=total_steps, alpha=min_lr / max_lr)`).
 */
export function cosineFormula(spec: Extract<ScheduleSpec, { policy: 'cosine' }>): Formula {
  const min = pyFloat(spec.minLr);
  const total = pyNumber(spec.totalSteps);
  return {
    ops: ['minimum', 'cos'],
    helpers: [],
    body: [
      `# Keras's CosineDecay(${pyFloat(spec.maxLr)}, decay_steps=${total}, alpha=${pyFloat(spec.minLr / spec.maxLr)}) is the same.`,
      `t = minimum(step, ${total})  # after total_steps the LR stays at min_lr`,
      `return ${min} + (${pyFloat(spec.maxLr)} - ${min}) * (1 + cos(math.pi * t / ${total})) / 2`,
    ],
  };
}

const RISE: Record<WsdShape, string> = {
  linear: 'p',
  cosine: '(1 - cos(math.pi * p)) / 2',
  '1-sqrt': '1 - sqrt(1 - p)',
};

const FALL: Record<WsdShape, string> = {
  linear: '1 - p',
  cosine: '(1 + cos(math.pi * p)) / 2',
  '1-sqrt': '1 - sqrt(p)',
};

/**
 * Transformers' get_wsd_schedule without branching on the step: each phase's progress is
 * clamped to [0, 1] so every branch stays finite, and `where` picks the phase.
 */
export function wsdFormula(spec: WsdSpec): Formula {
  const w = spec.warmupSteps;
  const decayFrom = w + spec.stableSteps;
  const end = decayFrom + spec.decaySteps;
  const r = pyFloat(spec.minLrRatio);
  const progress = (from: number, length: number): string =>
    from === 0
      ? `minimum(step / ${pyNumber(Math.max(1, length))}, 1.0)`
      : `minimum(maximum((step - ${pyNumber(from)}) / ${pyNumber(Math.max(1, length))}, 0.0), 1.0)`;
  const ops = new Set<Formula['ops'][number]>(['minimum', 'where']);
  if (decayFrom > 0) ops.add('maximum');
  for (const shape of [RISE[spec.warmupType], FALL[spec.decayType]]) {
    if (shape.includes('cos(')) ops.add('cos');
    if (shape.includes('sqrt(')) ops.add('sqrt');
  }
  return {
    ops: [...ops],
    helpers: [WHERE_HELPER],
    body: [
      `p = ${progress(0, w)}  # through the ${spec.warmupType} warm-up`,
      `rise = ${RISE[spec.warmupType]}`,
      `p = ${progress(decayFrom, spec.decaySteps)}  # through the ${spec.decayType} decay`,
      `fall = ${FALL[spec.decayType]}`,
      `shape = where(step < ${pyNumber(w)}, rise, where(step < ${pyNumber(decayFrom)}, 1.0, where(step < ${pyNumber(end)}, fall, 0.0)))`,
      `return ${pyFloat(spec.maxLr)} * (${r} + (1 - ${r}) * shape)`,
    ],
  };
}
