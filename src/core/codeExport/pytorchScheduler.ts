import { parseScheduleSpec, type SchedulePolicy, type ScheduleSpec } from '../scheduleSpec';
import { pyBool, pyFloat, pyNumber, pyString } from './pythonLiteral';

/**
 * One table maps spec fields to `torch.optim.lr_scheduler` keyword arguments, in both
 * directions: writing the exported code and reading its arguments back into a spec.
 * Stepped once per batch, every scheduler here reproduces `lrAt` exactly (these are the
 * schedulers the golden vectors were taken from). WSD is Transformers' `get_wsd_schedule`,
 * whose keywords the dependency-free LambdaLR export (pytorchWsd.ts) takes too.
 */

type TorchSchedulerName =
  | 'StepLR'
  | 'ExponentialLR'
  | 'CyclicLR'
  | 'CosineAnnealingWarmRestarts'
  | 'OneCycleLR'
  | 'CosineAnnealingLR'
  | 'get_wsd_schedule';

/** A Python value as it appears in the generated code. */
export type PyValue = number | string | boolean | null;

type SpecRecord = Readonly<Record<string, unknown>>;

interface ArgRule {
  arg: string;
  field: string;
  kind: 'int' | 'float' | 'number' | 'string' | 'bool';
  /** Written only when this holds; always otherwise. */
  when?: (spec: SpecRecord) => boolean;
  /** torch's default where it differs from the spec's (or the spec has none), for code that leaves the argument out. */
  torchDefault?: PyValue;
  /** A comment after the argument. */
  note?: (spec: SpecRecord) => string;
}

interface SchedulerRule {
  /** The policy, unless an argument (CyclicLR's `mode`) sets it. */
  policy?: SchedulePolicy;
  /** The spec field the optimizer's `lr` holds; null where the scheduler overwrites it. */
  optimizerLr: 'lr' | 'maxLr' | null;
  args: ArgRule[];
}

const cyclesMomentum = (spec: SpecRecord): boolean => spec.cycleMomentum === true;

/** Always written out: torch defaults it to True, our spec to false. */
const CYCLE_MOMENTUM_ARG: ArgRule = {
  arg: 'cycle_momentum',
  field: 'cycleMomentum',
  kind: 'bool',
  torchDefault: true,
  note: (spec) => (cyclesMomentum(spec) ? '' : "torch's default, True, would cycle momentum"),
};

const SCHEDULERS: Record<TorchSchedulerName, SchedulerRule> = {
  StepLR: {
    policy: 'step',
    optimizerLr: 'lr',
    args: [
      { arg: 'step_size', field: 'stepSize', kind: 'int', note: () => 'in batches, not epochs' },
      { arg: 'gamma', field: 'gamma', kind: 'float', torchDefault: 0.1 },
    ],
  },
  ExponentialLR: {
    policy: 'exp',
    optimizerLr: 'lr',
    args: [{ arg: 'gamma', field: 'gamma', kind: 'float', note: () => 'per batch' }],
  },
  CyclicLR: {
    optimizerLr: null,
    args: [
      { arg: 'base_lr', field: 'baseLr', kind: 'float' },
      { arg: 'max_lr', field: 'maxLr', kind: 'float' },
      { arg: 'step_size_up', field: 'stepSize', kind: 'number', torchDefault: 2000 },
      {
        arg: 'step_size_down',
        field: 'stepSizeDown',
        kind: 'number',
        when: (spec) => spec.stepSizeDown !== undefined,
      },
      { arg: 'mode', field: 'policy', kind: 'string', torchDefault: 'triangular' },
      {
        arg: 'gamma',
        field: 'gamma',
        kind: 'float',
        when: (spec) => spec.policy === 'exp_range',
        note: () => 'per batch, not per cycle',
      },
      CYCLE_MOMENTUM_ARG,
      {
        arg: 'base_momentum',
        field: 'baseMomentum',
        kind: 'float',
        when: cyclesMomentum,
        note: () => 'at the LR peak',
      },
      {
        arg: 'max_momentum',
        field: 'maxMomentum',
        kind: 'float',
        when: cyclesMomentum,
        note: () => 'at base_lr',
      },
    ],
  },
  CosineAnnealingWarmRestarts: {
    policy: 'cosine_restarts',
    optimizerLr: 'maxLr',
    args: [
      { arg: 'T_0', field: 'period', kind: 'int', note: () => 'batches in the first period' },
      {
        arg: 'T_mult',
        field: 'periodMult',
        kind: 'int',
        note: () => 'each period is this many times longer than the last',
      },
      { arg: 'eta_min', field: 'minLr', kind: 'float' },
    ],
  },
  OneCycleLR: {
    policy: 'one_cycle',
    optimizerLr: null,
    args: [
      { arg: 'max_lr', field: 'maxLr', kind: 'float' },
      {
        arg: 'total_steps',
        field: 'totalSteps',
        kind: 'int',
        note: () => 'batches; stepping past this raises ValueError',
      },
      { arg: 'pct_start', field: 'pctStart', kind: 'float' },
      { arg: 'anneal_strategy', field: 'anneal', kind: 'string' },
      CYCLE_MOMENTUM_ARG,
      {
        arg: 'base_momentum',
        field: 'baseMomentum',
        kind: 'float',
        when: cyclesMomentum,
      },
      {
        arg: 'max_momentum',
        field: 'maxMomentum',
        kind: 'float',
        when: cyclesMomentum,
      },
      {
        arg: 'div_factor',
        field: 'divFactor',
        kind: 'float',
        note: (spec) =>
          `initial LR = max_lr / div_factor = ${Number(spec.maxLr) / Number(spec.divFactor)}`,
      },
      {
        arg: 'final_div_factor',
        field: 'finalDivFactor',
        kind: 'float',
        note: () => 'final LR = initial LR / final_div_factor',
      },
      { arg: 'three_phase', field: 'threePhase', kind: 'bool' },
    ],
  },
  CosineAnnealingLR: {
    policy: 'cosine',
    optimizerLr: 'maxLr',
    args: [
      {
        arg: 'T_max',
        field: 'totalSteps',
        kind: 'int',
        note: () => 'batches; stop stepping here, past T_max torch climbs back up',
      },
      { arg: 'eta_min', field: 'minLr', kind: 'float' },
    ],
  },
  get_wsd_schedule: {
    policy: 'wsd',
    optimizerLr: 'maxLr',
    args: [
      { arg: 'num_warmup_steps', field: 'warmupSteps', kind: 'int' },
      { arg: 'num_stable_steps', field: 'stableSteps', kind: 'int' },
      { arg: 'num_decay_steps', field: 'decaySteps', kind: 'int' },
      { arg: 'warmup_type', field: 'warmupType', kind: 'string', torchDefault: 'linear' },
      { arg: 'decay_type', field: 'decayType', kind: 'string', torchDefault: 'cosine' },
      { arg: 'min_lr_ratio', field: 'minLrRatio', kind: 'float', torchDefault: 0 },
    ],
  },
};

const SCHEDULER_OF: Record<SchedulePolicy, TorchSchedulerName | null> = {
  fixed: null,
  step: 'StepLR',
  exp: 'ExponentialLR',
  triangular: 'CyclicLR',
  triangular2: 'CyclicLR',
  exp_range: 'CyclicLR',
  cosine_restarts: 'CosineAnnealingWarmRestarts',
  one_cycle: 'OneCycleLR',
  cosine: 'CosineAnnealingLR',
  wsd: 'get_wsd_schedule',
};

/** One keyword argument of the generated constructor call: `name=literal  # note`. */
export interface TorchArg {
  name: string;
  literal: string;
  note: string;
}

/** The scheduler for a spec and its keyword arguments; null for a fixed LR. */
export function torchSchedulerCall(
  spec: ScheduleSpec,
): { name: TorchSchedulerName; args: TorchArg[] } | null {
  const name = SCHEDULER_OF[spec.policy];
  if (name === null) return null;
  const record = spec as unknown as SpecRecord;
  const args = SCHEDULERS[name].args
    .filter((rule) => rule.when?.(record) ?? true)
    .map((rule) => ({
      name: rule.arg,
      literal: writeValue(record[rule.field], rule),
      note: rule.note?.(record) ?? '',
    }));
  return { name, args };
}

function writeValue(value: unknown, rule: ArgRule): string {
  switch (rule.kind) {
    case 'int':
    case 'number':
      return pyNumber(Number(value));
    case 'float':
      return pyFloat(Number(value));
    case 'string':
      return pyString(String(value));
    case 'bool':
      return pyBool(value === true);
  }
}

/** The torch calls of an exported snippet: the optimizer's keywords and the scheduler's. */
export interface TorchCalls {
  optimizerArgs: Readonly<Record<string, PyValue>>;
  /** null when the code has no scheduler (a fixed LR). */
  scheduler: { name: string; args: Readonly<Record<string, PyValue>> } | null;
}

/**
 * The spec that torch constructor arguments describe (the inverse of the export). Throws an
 * Error naming the argument for an unknown scheduler, argument or value type, and the
 * spec parser's ScheduleSpecError for values the playground cannot take.
 */
export function pytorchArgsToSpec(calls: TorchCalls): ScheduleSpec {
  const optimizerLr = calls.optimizerArgs.lr;
  if (typeof optimizerLr !== 'number') {
    throw new Error('the optimizer has no numeric lr= argument');
  }
  if (calls.scheduler === null) return parseScheduleSpec({ policy: 'fixed', lr: optimizerLr });
  const { name, args } = calls.scheduler;
  if (!isSchedulerName(name)) {
    const known = Object.keys(SCHEDULERS).join(', ');
    throw new Error(`scheduler ${name} has no playground policy; expected one of ${known}`);
  }
  const rule = SCHEDULERS[name];
  const spec: Record<string, unknown> = rule.policy ? { policy: rule.policy } : {};
  if (rule.optimizerLr) spec[rule.optimizerLr] = optimizerLr;
  for (const [arg, value] of Object.entries(args)) {
    const argRule = rule.args.find((candidate) => candidate.arg === arg);
    if (!argRule) throw new Error(`${name} argument ${arg} is not one the playground reads`);
    spec[argRule.field] = readValue(name, argRule, value);
  }
  for (const argRule of rule.args) {
    if (!(argRule.arg in args) && argRule.torchDefault !== undefined) {
      spec[argRule.field] = argRule.torchDefault;
    }
  }
  return parseScheduleSpec(spec);
}

function isSchedulerName(name: string): name is TorchSchedulerName {
  return Object.hasOwn(SCHEDULERS, name);
}

function readValue(scheduler: string, rule: ArgRule, value: PyValue): PyValue {
  const expected = rule.kind === 'string' ? 'string' : rule.kind === 'bool' ? 'boolean' : 'number';
  if (typeof value !== expected) {
    throw new Error(
      `${scheduler} argument ${rule.arg} must be a ${rule.kind === 'bool' ? 'True/False' : expected} (got ${String(value)})`,
    );
  }
  return value;
}
