import { useEffect, useState, type RefObject } from 'react';

/** A screen reader hears the status at most this often, not at every step. */
const ANNOUNCE_EVERY_MS = 5000;

/** The status line's parts read as one sentence: "Backend: wasm, Iteration 40 / 860, …". */
function readStatus(source: HTMLElement | null): string {
  if (!source) return '';
  return Array.from(source.children, (part) => part.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(', ');
}

/**
 * The status bar's live region: a visually hidden copy of the visible status line, refreshed
 * at most every few seconds, so a screen reader gets a summary instead of dozens of changes.
 */
export function StatusAnnouncer({ source }: { source: RefObject<HTMLElement | null> }) {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const read = () => {
      const text = readStatus(source.current);
      // Unchanged text is not set again, so it is not announced again.
      setAnnounced((previous) => (previous === text ? previous : text));
    };
    read();
    const timer = window.setInterval(read, ANNOUNCE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [source]);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      data-testid="status-announcer"
    >
      {announced}
    </div>
  );
}
