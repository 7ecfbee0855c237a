import { MAX_RUN_ITERATIONS } from './config/ranges';
import type { ScheduleSpec } from './scheduleSpec';
import { specInForce, type ScheduleChange } from './scheduleInForce';
import {
  cosinePosition,
  cyclicPosition,
  lrAt,
  momentumAt,
  oneCyclePhases,
  wsdPosition,
} from './schedules';

/** Which way the LR is heading at a step. */
export type CyclePhase = 'rising' | 'falling' | 'flat';

export interface CycleInfo {
  /** 1-based cycle number (cyclic policies, SGDR restarts, one-cycle's single cycle); 1 when nothing cycles. */
  cycleNum: number;
  phase: CyclePhase;
  /**
   * k is the last step of its cycle: the LR is at the cycle's low point before it rises again
   * (SGDR, one-cycle, cyclic policies). Snapshots and "stop at end of cycle" happen after it.
   */
  isCycleEnd: boolean;
}

/**
 * Whether the policy has cycles at all (and so cycle ends, snapshots and shading). Cosine
 * annealing and WSD anneal once and then hold: no cycle ends.
 */
export function isCyclic(spec: ScheduleSpec): boolean {
  switch (spec.policy) {
    case 'fixed':
    case 'step':
    case 'exp':
    case 'cosine':
    case 'wsd':
      return false;
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
    case 'cosine_restarts':
    case 'one_cycle':
      return true;
  }
}

/** Cycle number, phase and cycle end of the 0-based step k. */
export function cycleAt(spec: ScheduleSpec, k: number): CycleInfo {
  switch (spec.policy) {
    case 'fixed':
      return { cycleNum: 1, phase: 'flat', isCycleEnd: false };
    case 'step':
    case 'exp':
      return {
        cycleNum: 1,
        phase: spec.gamma === 1 ? 'flat' : spec.gamma < 1 ? 'falling' : 'rising',
        isCycleEnd: false,
      };
    case 'triangular':
    case 'triangular2':
    case 'exp_range': {
      const here = cyclicPosition(spec, k);
      const next = cyclicPosition(spec, k + 1);
      const total = spec.stepSize + (spec.stepSizeDown ?? spec.stepSize);
      const stepInCycle = k - (here.cycle - 1) * total;
      const flat = spec.baseLr === spec.maxLr;
      const phase: CyclePhase = flat ? 'flat' : stepInCycle < spec.stepSize ? 'rising' : 'falling';
      return { cycleNum: here.cycle, phase, isCycleEnd: next.cycle > here.cycle };
    }
    case 'cosine_restarts': {
      const { restart, t, ti } = cosinePosition(spec, k);
      const flat = spec.maxLr === spec.minLr || ti === 1;
      return { cycleNum: restart + 1, phase: flat ? 'flat' : 'falling', isCycleEnd: t === ti - 1 };
    }
    case 'one_cycle': {
      const peak = oneCyclePhases(spec)[0].end;
      return {
        cycleNum: 1,
        phase: k < peak ? 'rising' : 'falling',
        isCycleEnd: k === spec.totalSteps - 1,
      };
    }
    case 'cosine': {
      const falling = spec.maxLr !== spec.minLr && k < spec.totalSteps;
      return { cycleNum: 1, phase: falling ? 'falling' : 'flat', isCycleEnd: false };
    }
    case 'wsd':
      return { cycleNum: 1, phase: wsdPhase(spec, k), isCycleEnd: false };
  }
}

function wsdPhase(spec: Extract<ScheduleSpec, { policy: 'wsd' }>, k: number): CyclePhase {
  const { phase } = wsdPosition(spec, k);
  const moves = spec.minLrRatio < 1;
  if (phase === 'warmup' && moves) return 'rising';
  if (phase === 'decay' && moves) return 'falling';
  return 'flat';
}

/** The steps where a new cycle begins, within [0, n): for shading cycles on charts. */
export function cycleStarts(spec: ScheduleSpec, n: number): number[] {
  if (!isCyclic(spec)) return [0];
  const starts = [0];
  const last = Math.min(n - 1, MAX_RUN_ITERATIONS);
  for (let k = 0; k < last; k++) if (cycleAt(spec, k).isCycleEnd) starts.push(k + 1);
  return starts;
}

/** The paper's step-size guidance: 2–10 × the iterations in an epoch. */
export function stepSizeAdvice(iterationsPerEpoch: number): {
  iterationsPerEpoch: number;
  minIterations: number;
  maxIterations: number;
} {
  return {
    iterationsPerEpoch,
    minIterations: 2 * iterationsPerEpoch,
    maxIterations: 10 * iterationsPerEpoch,
  };
}

/** A schedule sampled for drawing: every step, or min/max per bucket when n exceeds maxPoints. */
export interface SchedulePreview {
  steps: number[];
  lr: number[];
  /** Present only when the spec cycles momentum. */
  momentum?: number[];
}

/** A preview evaluates the schedule at most this many times, however long the run. */
const MAX_PREVIEW_EVALUATIONS = 200_000;

/**
 * The LR (and momentum) curve of the first n steps, at most maxPoints points. Downsampling keeps
 * each bucket's lowest and highest LR so fast cycles never alias into a wrong shape. With
 * `changes`, each step follows the spec in force there (`specInForce`).
 */
export function schedulePreview(
  spec: ScheduleSpec,
  numSteps: number,
  maxPoints: number,
  changes: readonly ScheduleChange[] = [],
): SchedulePreview {
  const specAt = (k: number) => (changes.length === 0 ? spec : specInForce(spec, changes, k));
  const lrOf = (k: number) => lrAt(specAt(k), k);
  const steps: number[] = [];
  // A plan past the longest run (or not a number at all) is drawn only as far as a run can go.
  const n = Number.isFinite(numSteps) ? Math.min(Math.max(0, numSteps), MAX_RUN_ITERATIONS) : 0;
  if (n <= maxPoints) {
    for (let k = 0; k < n; k++) steps.push(k);
  } else {
    const buckets = Math.max(1, Math.floor(maxPoints / 2));
    // Each bucket looks at no more than its share of MAX_PREVIEW_EVALUATIONS steps, evenly spaced.
    const stride = Math.max(1, Math.ceil(n / MAX_PREVIEW_EVALUATIONS));
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor((b * n) / buckets);
      const to = Math.floor(((b + 1) * n) / buckets);
      let lo = from;
      let hi = from;
      let loValue = lrOf(from);
      let hiValue = loValue;
      for (let k = from + stride; k < to; k += stride) {
        const value = lrOf(k);
        if (value < loValue) [lo, loValue] = [k, value];
        if (value > hiValue) [hi, hiValue] = [k, value];
      }
      steps.push(Math.min(lo, hi));
      if (lo !== hi) steps.push(Math.max(lo, hi));
    }
  }
  const lr = steps.map(lrOf);
  const cycled = [spec, ...changes.map((change) => change.spec)].some(
    (each) => momentumAt(each, 0) !== undefined,
  );
  return cycled
    ? { steps, lr, momentum: steps.map((k) => momentumAt(specAt(k), k) ?? NaN) }
    : { steps, lr };
}
