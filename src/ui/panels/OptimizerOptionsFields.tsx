import {
  OPTIONS_OF,
  type OptimizerName,
  type OptimizerOptionName,
  type OptimizerOptions,
} from '../../core';
import { OptimizerOptionField } from './OptimizerOptionField';

interface OptimizerOptionsFieldsProps {
  optimizer: OptimizerName;
  options: OptimizerOptions | undefined;
  disabled: boolean;
  /** The lock's reason, when the settings are locked. */
  lockId?: string;
  onChange: (options: OptimizerOptions | undefined) => void;
}

/** The chosen optimizer's own options, beside the picker; a new optimizer shows its own. */
export function OptimizerOptionsFields({
  optimizer,
  options,
  disabled,
  lockId,
  onChange,
}: OptimizerOptionsFieldsProps) {
  const set = (option: OptimizerOptionName, value: number | undefined) => {
    const next: OptimizerOptions = { ...options };
    if (value === undefined) delete next[option];
    else next[option] = value;
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <fieldset className="optimizer-options" aria-describedby={lockId}>
      <legend>Optimizer options</legend>
      <div className="field-row">
        {OPTIONS_OF[optimizer].map((option) => (
          <OptimizerOptionField
            // A new optimizer's fields start without the old one's half-typed text.
            key={`${optimizer}-${option}`}
            optimizer={optimizer}
            option={option}
            value={options?.[option]}
            disabled={disabled}
            lockId={lockId}
            onChange={(value) => set(option, value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
