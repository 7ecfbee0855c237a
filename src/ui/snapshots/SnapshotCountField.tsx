import { NumberInput } from '../controls/NumberInput';
import { useAppStore } from '../store';
import { trainingActive } from '../store/selectors';
import { SNAPSHOT_COUNTS } from '../sessionChoices';
import { snapshotCountError } from './snapshotCount';

/** How many cycle-end snapshots the ensemble keeps; fixed while a run trains. */
export function SnapshotCountField() {
  const maxSnapshots = useAppStore((state) => state.training.maxSnapshots);
  const active = useAppStore(trainingActive);
  const setTraining = useAppStore((state) => state.setTraining);
  const error = snapshotCountError(maxSnapshots);

  return (
    <div className="field">
      <label htmlFor="field-max-snapshots">Snapshots kept</label>
      <NumberInput
        id="field-max-snapshots"
        className="number"
        value={maxSnapshots}
        integer
        disabled={active}
        aria-describedby="field-max-snapshots-message"
        aria-invalid={error !== null}
        onValue={(value) => value !== null && setTraining({ maxSnapshots: value })}
      />
      {error ? (
        <p id="field-max-snapshots-message" className="field-message" role="alert">
          {error}
        </p>
      ) : (
        <p id="field-max-snapshots-message" className="field-hint">
          One per cycle end, newest kept, for the snapshot ensemble ({SNAPSHOT_COUNTS.min}–
          {SNAPSHOT_COUNTS.max}
          ).
        </p>
      )}
    </div>
  );
}
