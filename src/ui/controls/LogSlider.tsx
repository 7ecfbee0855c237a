import { formatRate, roundSignificant } from '../format';

interface LogSliderProps {
  id: string;
  labelId: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  describedBy?: string;
  invalid?: boolean;
  onValue: (value: number) => void;
}

/** 100 positions per decade: one arrow key press moves the value by about 2.3%. */
const STEPS_PER_DECADE = 100;

/** A range slider on a log10 scale; its value text is the real value, not the exponent. */
export function LogSlider({
  id,
  labelId,
  value,
  min,
  max,
  integer,
  describedBy,
  invalid,
  onValue,
}: LogSliderProps) {
  const position = Math.log10(Math.min(max, Math.max(min, value)));
  return (
    <input
      id={id}
      type="range"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      aria-valuetext={integer ? String(value) : formatRate(value)}
      min={Math.log10(min)}
      max={Math.log10(max)}
      step={1 / STEPS_PER_DECADE}
      value={position}
      onChange={(event) => {
        const raw = 10 ** Number(event.target.value);
        onValue(integer ? Math.max(1, Math.round(raw)) : roundSignificant(raw));
      }}
    />
  );
}
