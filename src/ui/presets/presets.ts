import { parseScheduleSpec } from '../../core';
import type { RunLength } from '../../worker/contract';
import type { PolicyLegId } from '../sessionChoices';
import { defaultShareConfig, type ShareConfig } from '../share/shareConfig';

/** A race a preset asks for: the same start trained under each of these policy-race legs. */
export interface PresetRace {
  kind: 'policy';
  legs: readonly PolicyLegId[];
}

/** A known configuration for teaching, loaded with one click: a preset is a share link's config. */
export interface TeachingPreset {
  id: string;
  title: string;
  /** What to look for once it is loaded and trained. */
  explanation: string;
  config: ShareConfig;
  race?: PresetRace;
}

/**
 * MNIST keeps 55,000 training images (5,000 are held out for validation), so batch 64 makes
 * ceil(55000 / 64) = 860 iterations an epoch; a step size of 430 is half an epoch.
 */
const HALF_EPOCH = 430;
/** Bounds that train well on MNIST with SGD momentum (a range test's pick, base = max / 4). */
const GOOD_BOUNDS = { baseLr: 0.016, maxLr: 0.066 };

/** The default page with this schedule and run length: MNIST, default CNN, SGD momentum, seed 1. */
function presetConfig(schedule: Record<string, unknown>, training: RunLength): ShareConfig {
  const defaults = defaultShareConfig();
  return {
    ...defaults,
    session: {
      dataset: 'mnist',
      modelPreset: 'default',
      optimizer: 'sgdMomentum',
      batchSize: 64,
      seed: 1,
      augment: false,
    },
    schedule: parseScheduleSpec(schedule),
    rangeTestView: { ...defaults.rangeTestView, ratio: 4 },
    training,
  };
}

export const TEACHING_PRESETS: readonly TeachingPreset[] = [
  {
    id: 'good-clr',
    title: 'Good CLR',
    explanation:
      'Triangular CLR between 0.016 and 0.066 with a step size of half an epoch (430 ' +
      'iterations), so one cycle per epoch. The loss falls fast while the LR climbs; as the LR ' +
      'comes back down, validation accuracy climbs to about 99% at the first cycle end. Train ' +
      'it as a yardstick for the other presets.',
    config: presetConfig(
      { policy: 'triangular', ...GOOD_BOUNDS, stepSize: HALF_EPOCH },
      { unit: 'epochs', value: 2 },
    ),
  },
  {
    id: 'max-lr-too-high',
    title: 'Max LR too high',
    explanation:
      'The same cycle, but Max LR is 3: far past the point where the range test’s loss ' +
      'blows up. Training starts well at 0.016; as the LR climbs the loss shoots up and ' +
      'validation accuracy falls to chance (about 10%) within the first quarter epoch, and it ' +
      'does not come back even when the LR returns to 0.016 at the cycle end. Run a range test ' +
      'to see where this Max LR sits on its curve.',
    config: presetConfig(
      { policy: 'triangular', baseLr: 0.016, maxLr: 3, stepSize: HALF_EPOCH },
      { unit: 'epochs', value: 1 },
    ),
  },
  {
    id: 'too-small-step',
    title: 'Too-small step size',
    explanation:
      'Good bounds, but a step size of 5 iterations: a whole cycle every 10 steps. The LR ' +
      'chart turns into a saw blade and the cycle bands into thin stripes. Accuracy is ' +
      'measured at every cycle end (so this run is 200 iterations), and it bounces by a point ' +
      'or two from one cycle to the next instead of settling: no cycle has a long, low-LR ' +
      'descent. Smith advises a step size of 2–10 × the iterations per epoch (see the Step ' +
      'size hint).',
    config: presetConfig(
      { policy: 'triangular', ...GOOD_BOUNDS, stepSize: 5 },
      { unit: 'iterations', value: 200 },
    ),
  },
  {
    id: 'fixed-vs-triangular2',
    title: 'Fixed vs triangular2',
    explanation:
      'triangular2 halves the height of each cycle (peaks 0.066, 0.041, 0.0285), so the LR ' +
      'settles toward Base LR as training goes on: CLR that also anneals. Set against a fixed ' +
      'LR from the same start, the CLR paper (on CIFAR-10) reports it reaching the same ' +
      'accuracy in far fewer iterations.',
    config: presetConfig(
      { policy: 'triangular2', ...GOOD_BOUNDS, stepSize: HALF_EPOCH },
      { unit: 'epochs', value: 3 },
    ),
    race: { kind: 'policy', legs: ['fixedHalf', 'triangular2'] },
  },
  {
    id: 'no-schedule',
    title: 'Do we still need a schedule?',
    explanation:
      'One-cycle and warm-up–stable–decay (1-sqrt cooldown over the last 20%) at the good ' +
      'bounds, against Schedule-Free SGD and Prodigy, which need neither a range test nor a ' +
      'schedule: both train at a fixed LR of 1 (a multiplier of the step size they find ' +
      'themselves). Race them for an epoch from the same start and compare the accuracy ' +
      'curves: the scheduled legs pay for their schedule with a range test and a run length ' +
      'fixed in advance (WSD only fixes when to cool down).',
    config: presetConfig(
      { policy: 'one_cycle', maxLr: GOOD_BOUNDS.maxLr, totalSteps: 2 * HALF_EPOCH },
      { unit: 'epochs', value: 1 },
    ),
    race: { kind: 'policy', legs: ['one_cycle', 'wsd', 'scheduleFreeSgd', 'prodigy'] },
  },
];
