import { useAppStore } from '../store';

/** The decoder's reason for a field the link does not mention. */
const MISSING = 'is missing';

/** What the opened link got wrong: each rejected field, why, and what the page uses instead. */
export function LinkMessages() {
  const all = useAppStore((state) => state.share.linkRejections);
  const setShare = useAppStore((state) => state.setShare);
  // A link that names only some fields leaves the rest at their defaults: nothing to report.
  const rejections = all.filter((rejection) => rejection.reason !== MISSING);
  if (rejections.length === 0) return null;

  return (
    <div className="link-messages" role="alert">
      <p>Parts of this link could not be used; the page shows defaults for them.</p>
      <ul>
        {rejections.map((rejection, index) => (
          <li key={`${index}-${rejection.field}`}>
            Link ignored <code>{rejection.field}</code>: {rejection.reason}; {rejection.fallback}.
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => setShare({ linkRejections: [] })}>
        Dismiss
      </button>
    </div>
  );
}
