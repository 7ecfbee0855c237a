import { useState } from 'react';
import { useAppStore } from '../store';
import { draftToJson, jsonToDraft } from './scheduleDraft';

/**
 * The schedule as its JSON spec, editable: paste a spec from a colleague or a golden file and
 * apply it. Broken JSON is reported here; bad values are reported at their fields.
 */
export function SpecJsonEditor() {
  const draft = useAppStore((state) => state.draft);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? JSON.stringify(draftToJson(draft), null, 2);

  const apply = () => {
    let json: unknown;
    try {
      json = JSON.parse(shown);
    } catch (cause) {
      setError(`Not valid JSON: ${(cause as Error).message}`);
      return;
    }
    const next = jsonToDraft(json, draft);
    if (typeof next === 'string') {
      setError(next);
      return;
    }
    updateDraft(next);
    setText(null);
    setError(null);
  };

  return (
    <details className="spec-json">
      <summary>Schedule spec (JSON)</summary>
      <label htmlFor="spec-json" className="visually-hidden">
        Schedule spec JSON
      </label>
      <textarea
        id="spec-json"
        rows={8}
        spellCheck={false}
        value={shown}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'spec-json-message' : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {error ? (
        <p id="spec-json-message" className="field-message" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" onClick={apply}>
        Apply spec
      </button>
    </details>
  );
}
