import { plural, type OptimizerName, type ScheduleSpec } from '../../core';
import type { RunLength } from '../../worker/contract';
import { formatRate } from '../format';
import { OPTIMIZER_SHORT_LABELS } from '../sessionChoices';

/**
 * The names kept runs get: enough to tell two runs apart in the list and the overlay legend
 * (policy and bounds, length, and the optimizer when it is not plain SGD + momentum).
 */

/** The LR bounds of a schedule in a few characters: "0.001–0.01", "0.1→0", "max 0.1". */
export function scheduleBounds(spec: ScheduleSpec): string {
  switch (spec.policy) {
    case 'fixed':
    case 'step':
    case 'exp':
      return formatRate(spec.lr);
    case 'triangular':
    case 'triangular2':
    case 'exp_range':
      return `${formatRate(spec.baseLr)}–${formatRate(spec.maxLr)}`;
    case 'cosine_restarts':
    case 'cosine':
      return `${formatRate(spec.maxLr)}→${formatRate(spec.minLr)}`;
    case 'wsd':
      return `${formatRate(spec.maxLr)}→${formatRate(spec.maxLr * spec.minLrRatio)}`;
    case 'one_cycle':
      return `max ${formatRate(spec.maxLr)}`;
  }
}

/** "triangular 0.001–0.01, 2 epochs" or "cosine 0.1→0, 500 iterations, Adam". */
export function trainingRunName(
  spec: ScheduleSpec,
  length: RunLength,
  optimizer: OptimizerName,
): string {
  // Units are plural nouns ('epochs', 'cycles'): the singular is without the s.
  const parts = [
    `${spec.policy} ${scheduleBounds(spec)}`,
    plural(length.value, length.unit.replace(/s$/, '')),
  ];
  if (optimizer !== 'sgdMomentum') parts.push(OPTIMIZER_SHORT_LABELS[optimizer]);
  return parts.join(', ');
}
