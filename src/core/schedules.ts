import type {
  CosineRestartsSpec,
  CyclicSpec,
  OneCycleSpec,
  ScheduleSpec,
  WsdShape,
  WsdSpec,
} from './scheduleSpec';

/**
 * LR and momentum as pure functions of the 0-based step k: `lrAt(spec, k)` is the rate
 * used by the k-th training step, as PyTorch 1.13's schedulers set it when
 * `scheduler.step()` runs once per batch (golden/README.md).
 */

/** Position inside a cyclic (CyclicLR) cycle: `sf` is 0 at the cycle's base, 1 at its peak. */
export function cyclicPosition(spec: CyclicSpec, k: number): { cycle: number; sf: number } {
  const up = spec.stepSize;
  const down = spec.stepSizeDown ?? up;
  const total = up + down;
  const ratio = up / total;
  const cycle = Math.floor(1 + k / total);
  const x = 1 + k / total - cycle;
  const sf = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
  return { cycle, sf };
}

/** The amplitude factor: constant, halved each cycle, or gamma^k per iteration (PyTorch CyclicLR). */
function cyclicScale(spec: CyclicSpec, cycle: number, k: number): number {
  switch (spec.policy) {
    case 'triangular':
      return 1;
    case 'triangular2':
      return 1 / 2 ** (cycle - 1);
    case 'exp_range':
      return spec.gamma ** k;
  }
}

function cyclicLr(spec: CyclicSpec, k: number): number {
  const { cycle, sf } = cyclicPosition(spec, k);
  return spec.baseLr + (spec.maxLr - spec.baseLr) * sf * cyclicScale(spec, cycle, k);
}

function cyclicMomentum(spec: CyclicSpec, k: number): number {
  const { cycle, sf } = cyclicPosition(spec, k);
  return (
    spec.maxMomentum - (spec.maxMomentum - spec.baseMomentum) * sf * cyclicScale(spec, cycle, k)
  );
}

/** SGDR: where k falls inside its restart period (t steps into a period of length ti). */
export function cosinePosition(
  spec: CosineRestartsSpec,
  k: number,
): { restart: number; t: number; ti: number } {
  let t = k;
  let ti = spec.period;
  let restart = 0;
  if (spec.periodMult === 1) {
    restart = Math.floor(t / ti);
    t -= restart * ti;
  } else {
    while (t >= ti) {
      t -= ti;
      ti *= spec.periodMult;
      restart += 1;
    }
  }
  return { restart, t, ti };
}

function cosineRestartsLr(spec: CosineRestartsSpec, k: number): number {
  const { t, ti } = cosinePosition(spec, k);
  return spec.minLr + ((spec.maxLr - spec.minLr) * (1 + Math.cos((Math.PI * t) / ti))) / 2;
}

interface OneCyclePhase {
  end: number;
  lr: [number, number];
  momentum: [number, number];
}

/** OneCycleLR's phases; ends are floats and each phase starts at the previous end. */
export function oneCyclePhases(spec: OneCycleSpec): OneCyclePhase[] {
  const initial = spec.maxLr / spec.divFactor;
  const min = initial / spec.finalDivFactor;
  const peakAt = spec.pctStart * spec.totalSteps;
  const last = spec.totalSteps - 1;
  const { baseMomentum: lo, maxMomentum: hi } = spec;
  if (spec.threePhase) {
    return [
      { end: peakAt - 1, lr: [initial, spec.maxLr], momentum: [hi, lo] },
      { end: 2 * peakAt - 2, lr: [spec.maxLr, initial], momentum: [lo, hi] },
      { end: last, lr: [initial, min], momentum: [hi, hi] },
    ];
  }
  return [
    { end: peakAt - 1, lr: [initial, spec.maxLr], momentum: [hi, lo] },
    { end: last, lr: [spec.maxLr, min], momentum: [lo, hi] },
  ];
}

function anneal(kind: OneCycleSpec['anneal'], from: number, to: number, pct: number): number {
  return kind === 'cos'
    ? to + ((from - to) / 2) * (Math.cos(Math.PI * pct) + 1)
    : (to - from) * pct + from;
}

/** Which phase step k is in and how far along (0..1); steps past totalSteps stay at the end. */
function oneCyclePosition(spec: OneCycleSpec, k: number): { phase: OneCyclePhase; pct: number } {
  const phases = oneCyclePhases(spec);
  const step = Math.min(k, spec.totalSteps - 1);
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i];
    if (step <= phase.end || i === phases.length - 1) {
      return { phase, pct: (step - start) / (phase.end - start) };
    }
    start = phase.end;
  }
  throw new Error('unreachable: one-cycle has at least one phase');
}

/**
 * CosineAnnealingLR's closed form. Past totalSteps torch's recursion climbs back up; the
 * playground holds minLr there instead, as a run that outlasts its schedule expects.
 */
function cosineLr(spec: Extract<ScheduleSpec, { policy: 'cosine' }>, k: number): number {
  const t = Math.min(k, spec.totalSteps);
  return (
    spec.minLr + ((spec.maxLr - spec.minLr) * (1 + Math.cos((Math.PI * t) / spec.totalSteps))) / 2
  );
}

/** The WSD phase of step k and how far into it (0..1); `after` is everything past the decay. */
export function wsdPosition(
  spec: WsdSpec,
  k: number,
): { phase: 'warmup' | 'stable' | 'decay' | 'after'; p: number } {
  const { warmupSteps: w, stableSteps: s, decaySteps: d } = spec;
  if (k < w) return { phase: 'warmup', p: k / Math.max(1, w) };
  if (k < w + s) return { phase: 'stable', p: (k - w) / Math.max(1, s) };
  if (k < w + s + d) return { phase: 'decay', p: (k - w - s) / Math.max(1, d) };
  return { phase: 'after', p: 0 };
}

/** Rising shapes of warm-up: 0 at p = 0, 1 at p = 1. */
function warmupFactor(shape: WsdShape, p: number): number {
  switch (shape) {
    case 'linear':
      return p;
    case 'cosine':
      return (1 - Math.cos(Math.PI * p)) / 2;
    case '1-sqrt':
      return 1 - Math.sqrt(1 - p);
  }
}

/** Falling shapes of the decay: 1 at p = 0, 0 at p = 1. */
function decayFactor(shape: WsdShape, p: number): number {
  switch (shape) {
    case 'linear':
      return 1 - p;
    case 'cosine':
      return (1 + Math.cos(Math.PI * p)) / 2;
    case '1-sqrt':
      return 1 - Math.sqrt(p);
  }
}

/** Transformers' get_wsd_schedule multiplier, floored at minLrRatio outside the stable phase. */
function wsdLr(spec: WsdSpec, k: number): number {
  const r = spec.minLrRatio;
  const { phase, p } = wsdPosition(spec, k);
  switch (phase) {
    case 'warmup':
      return spec.maxLr * (r + (1 - r) * warmupFactor(spec.warmupType, p));
    case 'stable':
      return spec.maxLr;
    case 'decay':
      return spec.maxLr * (r + (1 - r) * decayFactor(spec.decayType, p));
    case 'after':
      return spec.maxLr * r;
  }
}

/** The learning rate of the k-th training step (0-based). */
export function lrAt(spec: ScheduleSpec, k: number): number {
  switch (spec.policy) {
    case 'fixed':
      return spec.lr;
    case 'step':
      return spec.lr * spec.gamma ** Math.floor(k / spec.stepSize);
    case 'exp':
      return spec.lr * spec.gamma ** k;
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
      return cyclicLr(spec, k);
    case 'cosine_restarts':
      return cosineRestartsLr(spec, k);
    case 'one_cycle': {
      const { phase, pct } = oneCyclePosition(spec, k);
      return anneal(spec.anneal, phase.lr[0], phase.lr[1], pct);
    }
    case 'cosine':
      return cosineLr(spec, k);
    case 'wsd':
      return wsdLr(spec, k);
  }
}

/** The momentum (or Adam beta1) of the k-th step, or undefined when the spec does not cycle it. */
export function momentumAt(spec: ScheduleSpec, k: number): number | undefined {
  switch (spec.policy) {
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
      return spec.cycleMomentum ? cyclicMomentum(spec, k) : undefined;
    case 'one_cycle': {
      if (!spec.cycleMomentum) return undefined;
      const { phase, pct } = oneCyclePosition(spec, k);
      return anneal(spec.anneal, phase.momentum[0], phase.momentum[1], pct);
    }
    default:
      return undefined;
  }
}
