import { useEffect, useRef, useState } from 'react';
import { MAX_PLANNED_CHANGES } from '../../core';
import { useAppStore } from '../store';
import { pageUrl } from './linkSync';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/** How long "Link copied" stays up. */
const COPIED_MS = 3000;

/** "Copy share link": the page's address to the clipboard, or shown to copy by hand. */
export function ShareLink() {
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const manualRef = useRef<HTMLInputElement>(null);
  // A link carries a run's changes up to a bound; past it, it says so rather than mislead.
  const tooMany = useAppStore(
    (state) => state.training.scheduleChanges.length > MAX_PLANNED_CHANGES,
  );

  useEffect(() => {
    if (copy.kind === 'manual') manualRef.current?.select();
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    const url = pageUrl(useAppStore.getState());
    try {
      // navigator.clipboard is missing outside secure contexts, and writes can be refused.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopy({ kind: 'copied' });
    } catch {
      setCopy({ kind: 'manual', url });
    }
  };

  return (
    <div className="share-link">
      <button type="button" className="secondary" onClick={() => void onCopy()}>
        Copy share link
      </button>
      <span className="share-link-status" role="status">
        {copy.kind === 'copied'
          ? tooMany
            ? `Link copied, with the schedule as it now stands: the run changed it more than ${MAX_PLANNED_CHANGES} times, more than a link holds.`
            : 'Link copied.'
          : null}
      </span>
      {copy.kind === 'manual' ? (
        <div className="share-link-manual">
          <label htmlFor="share-link-url">The clipboard is not available; copy this link:</label>
          <input
            id="share-link-url"
            ref={manualRef}
            readOnly
            value={copy.url}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="link" onClick={() => setCopy({ kind: 'idle' })}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
