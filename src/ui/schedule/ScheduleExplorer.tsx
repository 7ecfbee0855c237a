import { cycleStarts, isCyclic, lrAt } from '../../core';
import { ScheduleChart } from './ScheduleChart';
import { NumberInput } from '../controls/NumberInput';
import { formatCount, formatRate } from '../format';
import { useAppStore } from '../store';
import { draftToSpec } from './scheduleDraft';

/** Longest preview: past this the chart says nothing new and the preview costs more than a frame. */
const MAX_PREVIEW_STEPS = 200_000;

/** The LR curve with its display options and a one-line summary of the schedule. */
export function ScheduleExplorer() {
  const draft = useAppStore((state) => state.draft);
  const spec = useAppStore((state) => state.lastValidSpec);
  const steps = useAppStore((state) => state.previewSteps);
  const logY = useAppStore((state) => state.logY);
  const setPreviewSteps = useAppStore((state) => state.setPreviewSteps);
  const setLogY = useAppStore((state) => state.setLogY);
  const stale = !draftToSpec(draft).ok;
  const lrs = [0, steps - 1].map((k) => lrAt(spec, k));
  const cycles = isCyclic(spec) ? cycleStarts(spec, steps).length : 0;

  return (
    <section className="explorer" aria-labelledby="explorer-heading">
      <div className="toolbar">
        <h2 id="explorer-heading">Learning-rate schedule</h2>
        <label className="inline">
          <input
            type="checkbox"
            checked={logY}
            onChange={(event) => setLogY(event.target.checked)}
          />
          Log scale
        </label>
        <label className="inline" htmlFor="preview-steps">
          Preview iterations
        </label>
        <NumberInput
          id="preview-steps"
          className="number"
          value={steps}
          integer
          onValue={(value) => {
            if (value !== null && value >= 2) setPreviewSteps(Math.min(MAX_PREVIEW_STEPS, value));
          }}
        />
      </div>
      {stale ? (
        <p className="stale-note" role="status">
          Showing the last valid schedule until the highlighted field is fixed.
        </p>
      ) : null}
      <ScheduleChart spec={spec} steps={steps} logY={logY} stale={stale} />
      <p className="summary" data-testid="schedule-summary">
        LR {formatRate(lrs[0])} at iteration 0 → {formatRate(lrs[1])} at iteration{' '}
        {formatCount(steps - 1)}
        {cycles > 0 ? `; ${cycles} cycle${cycles === 1 ? '' : 's'} in view` : ''}.
      </p>
    </section>
  );
}
