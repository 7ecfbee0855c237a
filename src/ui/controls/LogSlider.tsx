import { useState } from 'react';
import { formatRate, roundSignificant } from '../format';
import { needsRecentre, windowAround, type SliderWindow } from './sliderWindow';

interface LogSliderProps {
  id: string;
  labelId: string;
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  /**
   * Fine control: the slider spans only this many decades around the value (re-centred when
   * a drag ends near an end, or when the value is set elsewhere); the number box beside it
   * takes the whole [min, max].
   */
  fineDecades?: number;
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
  fineDecades,
  describedBy,
  invalid,
  onValue,
}: LogSliderProps) {
  const clamped = Math.min(max, Math.max(min, value));
  const whole = { lo: Math.log10(min), hi: Math.log10(max) };
  const around = (at: number): SliderWindow =>
    fineDecades ? windowAround(Math.log10(at), fineDecades, min, max) : whole;
  const [span, setSpan] = useState<SliderWindow>(() => around(clamped));
  // A value from elsewhere (typed, a suggestion, a preset) outside the span moves it at once.
  let shown = span;
  if (fineDecades && needsRecentre(clamped, span, false, min, max)) {
    shown = around(clamped);
    setSpan(shown);
  }
  const settle = () => {
    if (fineDecades && needsRecentre(clamped, shown, true, min, max)) setSpan(around(clamped));
  };
  return (
    <input
      id={id}
      type="range"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      aria-valuetext={integer ? String(value) : formatRate(value)}
      title={
        fineDecades
          ? `Slider ${formatRate(10 ** shown.lo)}–${formatRate(10 ** shown.hi)}`
          : undefined
      }
      min={shown.lo}
      max={shown.hi}
      step={1 / STEPS_PER_DECADE}
      value={Math.log10(clamped)}
      onChange={(event) => {
        const raw = 10 ** Number(event.target.value);
        onValue(integer ? Math.max(1, Math.round(raw)) : roundSignificant(raw));
      }}
      onPointerUp={settle}
      onKeyUp={settle}
      onBlur={settle}
    />
  );
}
