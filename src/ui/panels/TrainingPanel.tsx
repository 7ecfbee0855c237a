import { stopAtEndOfCycle } from '../engineClient/engineActions';
import { SnapshotCountField } from '../snapshots/SnapshotCountField';
import { useAppStore } from '../store';
import { ModelDownloadButton } from './ModelDownloadButton';

/** The run's extras beside the run bar: snapshots, stopping at a cycle's end, the model. */
export function TrainingPanel() {
  const status = useAppStore((state) => state.training.status);

  return (
    <section className="panel" aria-labelledby="training-heading">
      <h2 id="training-heading">Training extras</h2>
      <SnapshotCountField />
      <button
        type="button"
        className="link"
        onClick={() => void stopAtEndOfCycle()}
        disabled={status !== 'running'}
      >
        Stop at end of cycle
      </button>
      <p className="field-hint">Space pauses and resumes (except while typing in a field).</p>
      <ModelDownloadButton />
    </section>
  );
}
