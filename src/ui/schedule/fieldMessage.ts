import { FIELD_INFO } from './fieldInfo';
import type { DraftField } from './scheduleDraft';

/** The parser's reason in the page's words: spec field names become their visible labels. */
export function fieldMessage(field: DraftField, reason: string): string {
  const named = reason.replace(
    /\b(baseLr|maxLr|minLr|stepSize|maxMomentum|baseMomentum|totalSteps)\b/g,
    (name) => (name in FIELD_INFO ? FIELD_INFO[name as DraftField].label : name),
  );
  return `${FIELD_INFO[field].label} ${named}`;
}
