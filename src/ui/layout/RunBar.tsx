import { useState } from 'react';
import { runLengthSchema } from '../../core';
import type { RunLength } from '../../worker/contract';
import { NumberInput } from '../controls/NumberInput';
import { SelectField, type SelectOption } from '../controls/SelectField';
import {
  pause,
  reset,
  resume,
  runRangeTest,
  step,
  stop,
  train,
} from '../engineClient/engineActions';
import { useAppStore } from '../store';
import { rangeTestBlocker, trainBlocker, trainingActive } from '../store/selectors';
import { LiveNumbers } from './LiveNumbers';

const UNITS: SelectOption<RunLength['unit']>[] = [
  { value: 'epochs', label: 'epochs' },
  { value: 'iterations', label: 'iterations' },
  { value: 'cycles', label: 'cycles' },
];

/**
 * The one bar of the core loop (TensorFlow Playground's grammar): range test, the run's
 * buttons, its length and the big live numbers. It stays when the controls are hidden.
 */
export function RunBar() {
  const length = useAppStore((state) => state.training.length);
  const status = useAppStore((state) => state.training.status);
  const engineReady = useAppStore((state) => state.engine.status === 'ready');
  const rangeTestStatus = useAppStore((state) => state.rangeTest.status);
  const storeBlocker = useAppStore(trainBlocker);
  /** Why the length being typed cannot be used (out of range); cleared when the box is left. */
  const [lengthError, setLengthError] = useState<string | null>(null);
  const blocker = lengthError ?? storeBlocker;
  const rangeBlocker = useAppStore(rangeTestBlocker);
  const setTraining = useAppStore((state) => state.setTraining);
  const active = useAppStore(trainingActive);
  const rangeTestRunning = rangeTestStatus === 'running';
  const why =
    blocker && !active ? blocker : rangeBlocker && !rangeTestRunning ? rangeBlocker : null;

  return (
    <section className="run-bar" aria-label="Run controls">
      <div className="run-bar-buttons">
        {rangeTestRunning ? (
          <button type="button" className="secondary" onClick={() => void stop()}>
            Stop test
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            onClick={() => void runRangeTest()}
            disabled={rangeBlocker !== null}
            aria-describedby={rangeBlocker ? 'run-bar-why' : undefined}
          >
            Run range test
          </button>
        )}
        <button
          type="button"
          onClick={() => void train()}
          disabled={blocker !== null}
          aria-describedby={blocker && !active ? 'run-bar-why' : undefined}
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
      <div className="run-bar-length">
        <div className="field" onBlur={() => setLengthError(null)}>
          <label htmlFor="field-run-length">Train for</label>
          <NumberInput
            id="field-run-length"
            className="number"
            value={length.value}
            integer={length.unit !== 'epochs'}
            disabled={active}
            aria-invalid={lengthError !== null}
            onValue={(value) => {
              const parsed = runLengthSchema.safeParse({ ...length, value });
              if (parsed.success) {
                setTraining({ length: parsed.data });
                setLengthError(null);
              } else {
                const reason = parsed.error.issues[0]?.message ?? 'is out of range';
                const said = reason.includes(length.unit) ? reason : `${reason} ${length.unit}`;
                setLengthError(`Train for ${said}; it stays at ${length.value} until then.`);
              }
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
      <LiveNumbers />
      {why ? (
        // During a run the range test's reason is plain to see; keep it for screen readers only.
        <p id="run-bar-why" className={active ? 'visually-hidden' : 'field-hint run-bar-why'}>
          {why}
        </p>
      ) : null}
    </section>
  );
}
