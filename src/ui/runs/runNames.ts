import { plural, type OptimizerName, type ScheduleChange, type ScheduleSpec } from '../../core';
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

/** A spec in a few words: "triangular 0.001–0.1, step 430" (the step size when it has one). */
export function specSummary(spec: ScheduleSpec): string {
  const words = `${spec.policy} ${scheduleBounds(spec)}`;
  return 'stepSize' in spec ? `${words}, step ${spec.stepSize}` : words;
}

/**
 * The schedule part of a name: the start, then its one change ("→ 0.001–0.1 at 120") or the
 * number of changes, so a run changed mid-run is not named for where it started.
 */
function scheduleWords(spec: ScheduleSpec, changes: readonly ScheduleChange[]): string {
  const start = `${spec.policy} ${scheduleBounds(spec)}`;
  if (changes.length === 0) return start;
  const [only] = changes;
  if (changes.length === 1) {
    const to =
      only.spec.policy === spec.policy
        ? scheduleBounds(only.spec)
        : `${only.spec.policy} ${scheduleBounds(only.spec)}`;
    if (to !== scheduleBounds(spec)) return `${start} → ${to} at ${only.iteration}`;
  }
  return `${start} (${plural(changes.length, 'change')})`;
}

/** "triangular 0.001–0.01, 2 epochs", "cosine 0.1→0, 500 iterations, Adam" or, changed mid-run, "triangular 0.001–0.01 → 0.001–0.1 at 120, 2 epochs". */
export function trainingRunName(
  spec: ScheduleSpec,
  length: RunLength,
  optimizer: OptimizerName,
  changes: readonly ScheduleChange[] = [],
): string {
  // Units are plural nouns ('epochs', 'cycles'): the singular is without the s.
  const parts = [scheduleWords(spec, changes), plural(length.value, length.unit.replace(/s$/, ''))];
  if (optimizer !== 'sgdMomentum') parts.push(OPTIMIZER_SHORT_LABELS[optimizer]);
  return parts.join(', ');
}
