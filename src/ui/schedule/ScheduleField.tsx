import { WSD_SHAPES } from '../../core';
import { LogSlider } from '../controls/LogSlider';
import { NumberInput } from '../controls/NumberInput';
import { formatRate } from '../format';
import { useAppStore } from '../store';
import { FIELD_INFO } from './fieldInfo';
import type { DraftField } from './scheduleDraft';
import type { ReactNode } from 'react';

interface ScheduleFieldProps {
  field: DraftField;
  /** The core parser's complaint about this field, shown at the field. */
  error?: string;
  /** Extra guidance under the field (e.g. the paper's step-size range). */
  advice?: ReactNode;
}

/** One schedule field: its label, its control(s), its hint and its error message. */
export function ScheduleField({ field, error, advice }: ScheduleFieldProps) {
  const value = useAppStore((state) => state.draft[field]);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const { label, edit, hint } = FIELD_INFO[field];
  const id = `field-${field}`;
  const labelId = `${id}-label`;
  const messageId = `${id}-message`;
  const describedBy = error ? messageId : hint || advice ? `${id}-hint` : undefined;
  const set = (next: number | boolean | string | null) => updateDraft({ [field]: next });

  let control: ReactNode;
  switch (edit.kind) {
    case 'boolean':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={describedBy}
          onChange={(event) => set(event.target.checked)}
        />
      );
      break;
    case 'anneal':
      control = (
        <select id={id} value={String(value)} onChange={(event) => set(event.target.value)}>
          <option value="cos">Cosine</option>
          <option value="linear">Linear</option>
        </select>
      );
      break;
    case 'wsdShape':
      control = (
        <select id={id} value={String(value)} onChange={(event) => set(event.target.value)}>
          {WSD_SHAPES.map((shape) => (
            <option key={shape} value={shape}>
              {shape}
            </option>
          ))}
        </select>
      );
      break;
    case 'log':
      control = (
        <div className="slider-row">
          <LogSlider
            id={id}
            labelId={labelId}
            value={Number(value)}
            min={edit.min}
            max={edit.max}
            integer={edit.integer}
            fineDecades={edit.fineDecades}
            describedBy={describedBy}
            invalid={Boolean(error)}
            onValue={set}
          />
          <NumberInput
            className="number"
            aria-labelledby={labelId}
            aria-describedby={describedBy}
            aria-invalid={Boolean(error)}
            value={Number(value)}
            integer={edit.integer}
            format={edit.integer ? String : formatRate}
            onValue={set}
          />
        </div>
      );
      break;
    case 'optionalInteger':
      control = (
        <NumberInput
          id={id}
          className="number"
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          placeholder="same as Step size"
          value={typeof value === 'number' ? value : null}
          allowEmpty
          integer
          onValue={set}
        />
      );
      break;
    case 'number':
      control = (
        <NumberInput
          id={id}
          className="number"
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          value={Number(value)}
          integer={edit.integer}
          onValue={set}
        />
      );
      break;
  }

  return (
    <div className={`field field-${edit.kind}${error ? ' field-error' : ''}`}>
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      {control}
      {error ? (
        <p id={messageId} className="field-message" role="alert">
          {error}
        </p>
      ) : hint || advice ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
          {hint && advice ? ' ' : null}
          {advice}
        </p>
      ) : null}
    </div>
  );
}
