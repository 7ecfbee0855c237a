import { draftToSpec } from '../schedule/scheduleDraft';
import { useAppStore } from '../store';
import { changeWords } from './scheduleChangeParams';
import { sameSpec } from './scheduleParams';

/** Changes named in full; more are counted. */
const SHOWN = 5;

/**
 * The opened link came from a run whose schedule was changed as it trained: what was changed
 * and when, and that Train replays it (while the form still holds the link's schedule).
 */
export function LinkReplayNote() {
  const replay = useAppStore((state) => state.share.replay);
  const holdsStart = useAppStore((state) => {
    const form = draftToSpec(state.draft);
    return (
      form.ok && state.share.replay !== null && sameSpec(form.spec, state.share.replay.initial)
    );
  });
  const setShare = useAppStore((state) => state.setShare);
  if (!replay || !holdsStart) return null;
  const { initial, changes } = replay;
  const hidden = changes.length - SHOWN;

  return (
    <div className="link-replay" role="status">
      <p>
        This link&apos;s run changed its schedule as it trained. Train replays the changes at the
        same iterations; editing the schedule first trains without them.
      </p>
      <ul aria-label="Schedule changes in this link">
        {changes.slice(0, SHOWN).map((change, i) => (
          <li key={change.iteration}>
            {changeWords(i === 0 ? initial : changes[i - 1].spec, change)}
          </li>
        ))}
        {hidden > 0 ? <li>and {hidden} more</li> : null}
      </ul>
      <button type="button" className="link" onClick={() => setShare({ replay: null })}>
        Train without the changes
      </button>
    </div>
  );
}
