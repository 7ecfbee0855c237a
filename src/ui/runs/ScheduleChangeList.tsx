import type { ScheduleChange } from '../../core';
import { specSummary } from './runNames';

/** Changes listed in full; the rest are counted (the JSON and CSV exports hold them all). */
const SHOWN = 4;

/** A kept run's mid-run schedule changes: from which iteration each spec set the LR. */
export function ScheduleChangeList({ changes }: { changes: readonly ScheduleChange[] }) {
  if (changes.length === 0) return null;
  const hidden = changes.length - SHOWN;
  return (
    <div className="kept-run-changes">
      <span>Changed while it trained:</span>
      <ul aria-label="Schedule changes">
        {changes.slice(0, SHOWN).map((change) => (
          <li key={change.iteration} title={JSON.stringify(change.spec)}>
            from iteration {change.iteration}: {specSummary(change.spec)}
          </li>
        ))}
        {hidden > 0 ? <li>and {hidden} more (all of them are in the exports)</li> : null}
      </ul>
    </div>
  );
}
