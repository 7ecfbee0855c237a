import { useEffect } from 'react';
import { runLengthSchema } from '../../core';
import type { RunLength } from '../../worker/contract';
import { NumberInput } from '../controls/NumberInput';
import { SelectField, type SelectOption } from '../controls/SelectField';
import {
  pause,
  reset,
  resume,
  step,
  stop,
  stopAtEndOfCycle,
  train,
} from '../engineClient/engineActions';
import { SnapshotCountField } from '../snapshots/SnapshotCountField';
import { useAppStore } from '../store';
import { trainBlocker, trainingActive } from '../store/selectors';
import { ModelDownloadButton } from './ModelDownloadButton';

const UNITS: SelectOption<RunLength['unit']>[] = [
  { value: 'epochs', label: 'epochs' },
  { value: 'iterations', label: 'iterations' },
  { value: 'cycles', label: 'cycles' },
];

/** Space pauses and resumes, unless the user is typing or pressing a button. */
function useSpaceTogglesPause(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, [contenteditable="true"], summary'))
        return;
      const status = useAppStore.getState().training.status;
      if (status === 'running') void pause();
      else if (status === 'paused') void resume();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Run length and the run's buttons; a button that cannot apply says why. */
export function TrainingPanel() {
  useSpaceTogglesPause();
  const length = useAppStore((state) => state.training.length);
  const status = useAppStore((state) => state.training.status);
  const engineReady = useAppStore((state) => state.engine.status === 'ready');
  const rangeTestRunning = useAppStore((state) => state.rangeTest.status === 'running');
  // Re-evaluated on every store change; cheap (one spec parse).
  const blocker = useAppStore(trainBlocker);
  const setTraining = useAppStore((state) => state.setTraining);
  const active = useAppStore(trainingActive);

  return (
    <section className="panel" aria-labelledby="training-heading">
      <h2 id="training-heading">Training</h2>
      <div className="field-row">
        <div className="field">
          <label id="run-length-label" htmlFor="field-run-length">
            Train for
          </label>
          <NumberInput
            id="field-run-length"
            className="number"
            value={length.value}
            integer={length.unit !== 'epochs'}
            disabled={active}
            onValue={(value) => {
              const parsed = runLengthSchema.safeParse({ ...length, value });
              if (parsed.success) setTraining({ length: parsed.data });
            }}
          />
        </div>
        <SelectField
          id="field-run-unit"
          label="Unit"
          value={length.unit}
          disabled={active}
          options={UNITS}
          onChange={(unit) => setTraining({ length: { unit, value: length.value } })}
        />
      </div>
      <SnapshotCountField />
      <div className="button-row">
        <button
          type="button"
          onClick={() => void train()}
          disabled={blocker !== null}
          aria-describedby={blocker && !active ? 'train-blocker' : undefined}
        >
          Train
        </button>
        {status === 'paused' ? (
          <button type="button" onClick={() => void resume()}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => void pause()} disabled={status !== 'running'}>
            Pause
          </button>
        )}
        <button
          type="button"
          onClick={() => void step()}
          disabled={status !== 'paused'}
          title="One batch, then pause"
        >
          Step
        </button>
        <button type="button" onClick={() => void stop()} disabled={!active}>
          Stop
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void reset()}
          disabled={active || rangeTestRunning || !engineReady}
          title="Back to the same initial weights"
        >
          Reset
        </button>
      </div>
      <button
        type="button"
        className="link"
        onClick={() => void stopAtEndOfCycle()}
        disabled={status !== 'running'}
      >
        Stop at end of cycle
      </button>
      {blocker && !active ? (
        <p id="train-blocker" className="field-hint">
          {blocker}
        </p>
      ) : (
        <p className="field-hint">Space pauses and resumes.</p>
      )}
      <ModelDownloadButton />
    </section>
  );
}
