import { useState } from 'react';
import { NumberInput } from './NumberInput';

interface OptionalNumberFieldProps {
  id: string;
  label: string;
  /** The value shown; null leaves the box empty. */
  value: number | null;
  hint: string;
  /** Why `value` cannot be used, as a sentence; null when it can. */
  check: (value: number) => string | null;
  /** A usable value, or undefined once the box is emptied (the default). */
  onValue: (value: number | undefined) => void;
  placeholder?: string;
  integer?: boolean;
  disabled?: boolean;
  /** Another element that describes the box (a lock's reason). */
  describedBy?: string;
}

/**
 * A number that may be left empty for its default: a bad one says why in place of the hint,
 * as an alert, and is not used.
 */
export function OptionalNumberField({
  id,
  label,
  value,
  hint,
  check,
  onValue,
  placeholder,
  integer,
  disabled,
  describedBy,
}: OptionalNumberFieldProps) {
  const [error, setError] = useState<string | null>(null);
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <NumberInput
        id={id}
        className="number"
        value={value}
        allowEmpty
        placeholder={placeholder}
        integer={integer}
        disabled={disabled}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        aria-invalid={error !== null}
        onValue={(next) => {
          const problem = next === null ? null : check(next);
          setError(problem);
          if (!problem) onValue(next ?? undefined);
        }}
      />
      <p
        id={hintId}
        className={error ? 'field-message' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? hint}
      </p>
    </div>
  );
}
