import { useState, type InputHTMLAttributes } from 'react';

interface NumberInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> {
  value: number | null;
  /** Called with each finite number typed (null when emptied and `allowEmpty`). */
  onValue: (value: number | null) => void;
  format?: (value: number) => string;
  allowEmpty?: boolean;
  integer?: boolean;
}

/**
 * A number box that keeps what the user is typing ("0.", "1e-") and passes on only finite
 * numbers; anything else is flagged at the box and changes nothing.
 */
export function NumberInput({
  value,
  onValue,
  format = String,
  allowEmpty = false,
  integer = false,
  ...rest
}: NumberInputProps) {
  const shown = value === null ? '' : format(value);
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  const current = editing ? text : shown;
  const trimmed = current.trim();
  const parsed = trimmed === '' ? null : Number(trimmed);
  const invalid =
    (parsed === null && !allowEmpty) ||
    (parsed !== null && (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))));

  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      role="spinbutton"
      aria-valuenow={value ?? undefined}
      aria-invalid={invalid || rest['aria-invalid'] === true}
      title={invalid ? (integer ? 'Enter a whole number' : 'Enter a number') : undefined}
      value={current}
      onFocus={() => {
        setText(shown);
        setEditing(true);
      }}
      onBlur={() => setEditing(false)}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        setEditing(true);
        const number = next.trim() === '' ? null : Number(next);
        if (
          number === null
            ? allowEmpty
            : Number.isFinite(number) && (!integer || Number.isInteger(number))
        ) {
          onValue(number);
        }
      }}
    />
  );
}
