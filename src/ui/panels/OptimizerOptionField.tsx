import {
  OPTION_DEFAULTS,
  REFERENCE_ARGS,
  REFERENCE_LIBRARY,
  optimizerOptionSchema,
  type OptimizerName,
  type OptimizerOptionName,
} from '../../core';
import { OptionalNumberField } from '../controls/OptionalNumberField';

const OPTION_LABELS: Record<OptimizerOptionName, string> = {
  weightDecay: 'Weight decay',
  momentum: 'Momentum',
  beta1: 'β1',
  beta2: 'β2',
  eps: 'ε (eps)',
  rho: 'ρ (rho)',
  alpha: 'α (alpha)',
  warmupSteps: 'Schedule-Free warm-up',
  d0: 'd0 (initial d)',
  dCoef: 'd coefficient',
  growthRate: 'Growth rate of d',
};

/** One line naming the reference library's default, e.g. "PyTorch default: weight_decay=0.01". */
function optionHint(optimizer: OptimizerName, option: OptimizerOptionName): string {
  const library = REFERENCE_LIBRARY[optimizer];
  const arg = REFERENCE_ARGS[option];
  if (optimizer === 'sgdMomentum' && option === 'momentum') {
    return `PyTorch default: momentum=0 (plain SGD); this page starts at 0.9`;
  }
  const value = OPTION_DEFAULTS[optimizer][option];
  return value === undefined
    ? `${library} default: ${arg}=inf (no limit); empty here`
    : `${library} default: ${arg}=${value}`;
}

interface OptimizerOptionFieldProps {
  optimizer: OptimizerName;
  option: OptimizerOptionName;
  value: number | undefined;
  disabled: boolean;
  lockId?: string;
  onChange: (value: number | undefined) => void;
}

/** One option: a number box (empty is the default), its range checked by the core's schema. */
export function OptimizerOptionField({
  optimizer,
  option,
  value,
  disabled,
  lockId,
  onChange,
}: OptimizerOptionFieldProps) {
  const label = OPTION_LABELS[option];
  return (
    <OptionalNumberField
      id={`field-optimizer-${option}`}
      label={label}
      value={value ?? OPTION_DEFAULTS[optimizer][option] ?? null}
      hint={optionHint(optimizer, option)}
      check={(next) => {
        const parsed = optimizerOptionSchema(option).safeParse(next);
        return parsed.success ? null : `${label} ${parsed.error.issues[0].message}.`;
      }}
      onValue={onChange}
      integer={option === 'warmupSteps'}
      disabled={disabled}
      describedBy={lockId}
    />
  );
}
