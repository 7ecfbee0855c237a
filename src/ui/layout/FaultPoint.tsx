import { useEffect, useState, type ReactNode } from 'react';

/** The event the dev-only test hook sends to make one boundary's content throw while rendering. */
export const BREAK_PANEL_EVENT = 'lr-playground-break-panel';

/**
 * Throws, in dev builds, when the test hook names it (never in production): how the e2e tests
 * crash a panel, or the whole page, on purpose.
 */
export function FaultPoint({ name, children }: { name: string; children: ReactNode }) {
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    if (!import.meta.env.DEV) return;
    const onBreak = (event: Event) => {
      if ((event as CustomEvent<string>).detail === name) setBroken(true);
    };
    window.addEventListener(BREAK_PANEL_EVENT, onBreak);
    return () => window.removeEventListener(BREAK_PANEL_EVENT, onBreak);
  }, [name]);
  if (broken) throw new Error(`a test made the ${name} panel throw`);
  return children;
}
