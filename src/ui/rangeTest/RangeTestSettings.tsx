import type { ReactNode } from 'react';
import { NumberInput } from '../controls/NumberInput';
import { formatRate } from '../format';
import { RANGE_TEST_REPEATS } from '../../core';
import { useAppStore } from '../store';
import type { RangeTestConfig } from '../../worker/contract';
import { rangeTestConfigErrors, type RangeTestConfigErrors } from './rangeTestConfigErrors';

interface SettingProps {
  field: keyof RangeTestConfig;
  label: string;
  error?: string;
  hint?: string;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

/** One labelled setting with its hint, or its error in place of the hint. */
function Setting({ field, label, error, hint, children }: SettingProps) {
  const id = `range-test-${field}`;
  const messageId = `${id}-message`;
  const describedBy = error || hint ? messageId : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p id={messageId} className="field-message" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={messageId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type NumericField = 'startLr' | 'endLr' | 'numIter' | 'divergeFactor';

interface NumberSettingProps {
  field: NumericField;
  label: string;
  errors: RangeTestConfigErrors;
  hint?: string;
  format?: (value: number) => string;
  integer?: boolean;
}

/** A numeric sweep setting, written straight to the range-test config. */
function NumberSetting({ field, label, errors, hint, format, integer }: NumberSettingProps) {
  const value = useAppStore((state) => state.rangeTest.config[field]);
  const setConfig = useAppStore((state) => state.setRangeTestConfig);
  return (
    <Setting field={field} label={label} error={errors[field]} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <NumberInput
          id={id}
          className="number"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          value={value}
          format={format}
          integer={integer}
          onValue={(next) => next !== null && setConfig({ [field]: next })}
        />
      )}
    </Setting>
  );
}

/** The range test's sweep: LR bounds, length, exp/linear, divergence stop, held-out batch. */
export function RangeTestSettings() {
  const config = useAppStore((state) => state.rangeTest.config);
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const setConfig = useAppStore((state) => state.setRangeTestConfig);
  const errors = rangeTestConfigErrors(config);

  return (
    <fieldset className="range-test-settings" disabled={running}>
      <legend>Range test sweep</legend>
      <div className="range-test-settings-grid">
        <NumberSetting field="startLr" label="Start LR" errors={errors} format={formatRate} />
        <NumberSetting field="endLr" label="End LR" errors={errors} format={formatRate} />
        <NumberSetting field="numIter" label="Iterations" errors={errors} integer />
        <Setting field="mode" label="Sweep">
          {({ id }) => (
            <select
              id={id}
              value={config.mode}
              onChange={(event) =>
                setConfig({ mode: event.target.value === 'linear' ? 'linear' : 'exp' })
              }
            >
              <option value="exp">Exponential</option>
              <option value="linear">Linear</option>
            </select>
          )}
        </Setting>
        <NumberSetting
          field="divergeFactor"
          label="Stop at"
          errors={errors}
          hint="× the best smoothed loss (fastai: 4)."
        />
        <Setting
          field="repeats"
          label="Repeats"
          hint="Sweeps, each with another seed for data order and dropout."
        >
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={config.repeats}
              onChange={(event) => setConfig({ repeats: Number(event.target.value) })}
            >
              {RANGE_TEST_REPEATS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Setting>
      </div>
      <div className="field field-boolean">
        <input
          id="range-test-reinitWeights"
          type="checkbox"
          checked={config.reinitWeights}
          disabled={config.repeats < 2}
          aria-describedby="range-test-reinitWeights-hint"
          onChange={(event) => setConfig({ reinitWeights: event.target.checked })}
        />
        <label htmlFor="range-test-reinitWeights">Re-initialise weights</label>
        <p id="range-test-reinitWeights-hint" className="field-hint">
          Repeats after the first also start from new initial weights.
        </p>
      </div>
      <div className="field field-boolean">
        <input
          id="range-test-heldOutBatch"
          type="checkbox"
          checked={config.heldOutBatch}
          aria-describedby="range-test-heldOutBatch-hint"
          onChange={(event) => setConfig({ heldOutBatch: event.target.checked })}
        />
        <label htmlFor="range-test-heldOutBatch">Held-out batch</label>
        <p id="range-test-heldOutBatch-hint" className="field-hint">
          Also measure a fixed held-out batch at every step (slower).
        </p>
      </div>
    </fieldset>
  );
}
