import type { RunRecord } from './runRecord';
import type { RunEdit } from './runStore';

/** What one tab tells the others about kept runs, after storage has it. */
export type RunsMessage =
  | { type: 'kept'; record: RunRecord }
  | { type: 'edited'; id: string; edit: RunEdit }
  | { type: 'removed'; id: string };

/** The tabs of this site, as far as kept runs go. */
export interface RunsChannel {
  post(message: RunsMessage): void;
  listen(onMessage: (message: RunsMessage) => void): void;
}

/**
 * A BroadcastChannel shared by every tab of the page (it never echoes to its sender), opened
 * on first use; a browser without one gets a channel that says nothing and hears nothing.
 */
export function broadcastRunsChannel(name = 'lr-playground-runs'): RunsChannel {
  let channel: BroadcastChannel | null = null;
  const open = (): BroadcastChannel | null => {
    if (typeof BroadcastChannel === 'undefined') return null;
    return (channel ??= new BroadcastChannel(name));
  };
  return {
    post: (message) => open()?.postMessage(message),
    listen: (onMessage) =>
      open()?.addEventListener('message', (event: MessageEvent<RunsMessage>) =>
        onMessage(event.data),
      ),
  };
}
