import type { ScheduleChange } from '../scheduleInForce';
import type { ScheduleSpec } from '../scheduleSpec';

/** A training run whose schedule was changed while it trained: where it started and each change. */
export interface ScheduleHistory {
  initial: ScheduleSpec;
  changes: readonly ScheduleChange[];
}

/**
 * Comment lines saying which spec set which steps of a run that was changed mid-run, so the
 * export says exactly what was used: each piece is the spec's own LR at the absolute step, so
 * switching schedulers at those steps (or a LambdaLR over the pieces) reproduces it.
 */
export function scheduleChangesNote(history: ScheduleHistory | undefined): string[] {
  if (!history || history.changes.length === 0) return [];
  const { initial, changes } = history;
  const lines = [
    '#',
    '# The last training run changed its schedule while it trained. Step k (0-based) took the',
    '# LR that the spec in force at k gives for the absolute step k:',
  ];
  let from = 0;
  let spec = initial;
  for (const change of changes) {
    if (change.iteration > from) {
      lines.push(`#   steps ${from}–${change.iteration - 1}: ${JSON.stringify(spec)}`);
    }
    from = change.iteration;
    spec = change.spec;
  }
  lines.push(`#   from step ${from} on: ${JSON.stringify(spec)}`);
  lines.push(
    '# The code below is the schedule as it now stands; to replay the run, switch to each',
    '# piece at its first step (e.g. a LambdaLR that picks the piece by step).',
  );
  return lines;
}
