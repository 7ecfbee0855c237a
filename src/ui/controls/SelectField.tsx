export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string | number> {
  id: string;
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  title?: string;
  /** The id of the text that says why the field is locked, or what it does. */
  describedBy?: string;
}

/** A labelled drop-down whose change hands back the option's own value, typed, not its text. */
export function SelectField<T extends string | number>({
  id,
  label,
  value,
  options,
  onChange,
  disabled,
  title,
  describedBy,
}: SelectFieldProps<T>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        title={title}
        aria-describedby={describedBy}
        onChange={(event) => {
          const picked = options.find((option) => String(option.value) === event.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
