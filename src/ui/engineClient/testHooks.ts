import type { EngineFault } from '../../worker/contract';
import { BREAK_PANEL_EVENT } from '../layout/FaultPoint';
import type { EngineClient } from './engineClient';

/** What Playwright finds on `window` in a dev build; never in a production one, never in the UI. */
export interface PlaygroundTestHooks {
  /** Makes the engine worker close itself, hang, or lose its GPU context. */
  injectFault(fault: EngineFault): Promise<void>;
  /**
   * Makes the panel of that name (its PanelBoundary's name) throw while rendering; "Page"
   * crashes the whole page (its RootBoundary).
   */
  breakPanel(name: string): void;
}

declare global {
  interface Window {
    lrPlaygroundTestHooks?: PlaygroundTestHooks;
  }
}

/** Puts the hooks on `window` in dev builds (the dev server the e2e tests run against). */
export function installTestHooks(client: EngineClient): void {
  if (!import.meta.env.DEV || window.lrPlaygroundTestHooks) return;
  window.lrPlaygroundTestHooks = {
    // Not awaited by the caller's page: a closed or hung worker never answers.
    injectFault: async (fault) => {
      void client.api.injectFault(fault).catch(() => {});
    },
    breakPanel: (name) => {
      window.dispatchEvent(new CustomEvent(BREAK_PANEL_EVENT, { detail: name }));
    },
  };
}
