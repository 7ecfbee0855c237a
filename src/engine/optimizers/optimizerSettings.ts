/**
 * Settings an optimizer keeps fixed unless a schedule overrides them per step. Names are the
 * camelCase of the reference implementations' own arguments (tests/golden/README.md).
 */
export interface OptimizerSettings {
  /** SGD momentum μ (PyTorch `momentum`); Schedule-Free SGD's interpolation β. */
  momentum: number;
  /** PyTorch SGD's Nesterov momentum. */
  nesterov: boolean;
  /** Adam-family β1 (PyTorch `betas[0]`). */
  beta1: number;
  /** Adam-family β2 (PyTorch `betas[1]`). */
  beta2: number;
  eps: number;
  /** L2 penalty, or decoupled decay for AdamW, Schedule-Free AdamW and Prodigy (`decouple`). */
  weightDecay: number;
  /** Adadelta ρ. */
  rho: number;
  /** RMSProp smoothing constant α. */
  alpha: number;
  /** Schedule-Free: steps of linear LR warm-up. */
  warmupSteps: number;
  /** Schedule-Free: the average weights step k by k^r… */
  r: number;
  /** …and by lr_max^weightLrPower. */
  weightLrPower: number;
  /** Prodigy's EMA factor of its d estimate; null means √β2. */
  beta3: number | null;
  /** Prodigy's initial d. */
  d0: number;
  dCoef: number;
  /** Prodigy: d grows at most by this factor per step. */
  growthRate: number;
  /** Prodigy: AdamW-style decoupled weight decay. */
  decouple: boolean;
  useBiasCorrection: boolean;
  /** Prodigy: leave the LR out of the denominator of the d estimate (for warm-ups). */
  safeguardWarmup: boolean;
}

/** The settings one step runs with, the step's learning rate included. */
export type StepSettings = OptimizerSettings & { lr: number };

/** PyTorch 1.13 defaults shared by most optimizers; each rule overrides what differs. */
export const BASE_SETTINGS: OptimizerSettings = {
  momentum: 0,
  nesterov: false,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
  rho: 0.9,
  alpha: 0.99,
  warmupSteps: 0,
  r: 0,
  weightLrPower: 2,
  beta3: null,
  d0: 1e-6,
  dCoef: 1,
  growthRate: Infinity,
  decouple: true,
  useBiasCorrection: false,
  safeguardWarmup: false,
};
