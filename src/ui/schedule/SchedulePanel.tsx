import { SCHEDULE_POLICIES, type SchedulePolicy } from '../../core';
import { useAppStore } from '../store';
import { POLICY_LABELS } from './fieldInfo';
import { fieldMessage } from './fieldMessage';
import { draftToSpec, visibleFields } from './scheduleDraft';
import { ScheduleField } from './ScheduleField';
import { SpecJsonEditor } from './SpecJsonEditor';
import { StepSizeAdvice } from './StepSizeAdvice';
import { TotalStepsAdvice } from './TotalStepsAdvice';

/** The schedule controls: policy, its fields with inline errors, and the spec as JSON. */
export function SchedulePanel() {
  const draft = useAppStore((state) => state.draft);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const result = draftToSpec(draft);
  const fields = visibleFields(draft);
  const error = result.ok ? null : result.error;
  const errorField = error && fields.find((field) => error.field.split(', ').includes(field));

  return (
    <section className="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule</h2>
      <div className="field">
        <label htmlFor="field-policy">Policy</label>
        <select
          id="field-policy"
          value={draft.policy}
          onChange={(event) => updateDraft({ policy: event.target.value as SchedulePolicy })}
        >
          {SCHEDULE_POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {POLICY_LABELS[policy]}
            </option>
          ))}
        </select>
      </div>
      {fields.map((field) => (
        <ScheduleField
          key={field}
          field={field}
          error={errorField === field && error ? fieldMessage(field, error.reason) : undefined}
          advice={
            field === 'stepSize' ? (
              <StepSizeAdvice stepSize={draft.stepSize} />
            ) : field === 'totalSteps' ? (
              <TotalStepsAdvice />
            ) : undefined
          }
        />
      ))}
      {error && !errorField ? (
        <p className="field-message" role="alert">
          {error.message}
        </p>
      ) : null}
      <SpecJsonEditor />
    </section>
  );
}
