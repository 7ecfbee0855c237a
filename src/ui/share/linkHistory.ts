import { MAX_PLANNED_CHANGES, type ScheduleChange } from '../../core';
import type { ScheduleHistory } from '../../core/codeExport';
import { draftToSpec } from '../schedule/scheduleDraft';
import type { AppState } from '../store';
import { specNow } from '../store/selectors';
import { sameSpec } from './scheduleParams';

/**
 * The schedule history a link carries, so that it says what a run changed mid-run used: the
 * opened link's own while the form still holds its starting schedule; else the current (or
 * last) training run's, while the form and the run length still hold what the run has now.
 * Null for a run without changes, once the form is edited, or past what a link carries.
 */
export function linkHistory(state: AppState): ScheduleHistory | null {
  const form = draftToSpec(state.draft);
  if (!form.ok) return null;
  const { replay } = state.share;
  if (replay && sameSpec(form.spec, replay.initial)) return replay;
  const { ranWith, scheduleChanges, status, length } = state.training;
  const now = specNow(state);
  if (!ranWith || status === 'idle' || !now || !sameSpec(form.spec, now)) return null;
  if (JSON.stringify(length) !== JSON.stringify(ranWith.length)) return null;
  const changes = [...scheduleChanges, ...stillPlanned(state)];
  if (changes.length === 0 || changes.length > MAX_PLANNED_CHANGES) return null;
  return { initial: ranWith.schedule, changes };
}

/**
 * The replayed changes a run under way has still to make: none once it ended or once a change
 * of the user's (one not in the plan) ended the replay.
 */
function stillPlanned(state: AppState): ScheduleChange[] {
  const { ranWith, scheduleChanges, status } = state.training;
  const planned = ranWith?.plannedChanges ?? [];
  if (status === 'ended' || planned.length === 0) return [];
  const ownChange = scheduleChanges.some(
    (change) =>
      !planned.some((p) => p.iteration === change.iteration && sameSpec(p.spec, change.spec)),
  );
  if (ownChange) return [];
  const last = scheduleChanges.at(-1)?.iteration ?? -1;
  return planned.filter((change) => change.iteration > last);
}
