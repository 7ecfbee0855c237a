import { changeSession } from '../engineClient/engineActions';
import { DEFAULT_DRAFT, specToDraft } from '../schedule/scheduleDraft';
import { useAppStore } from '../store';
import { sessionConfigOf, type ShareConfig } from './shareConfig';

/** Everything but the session: what the forms show, set the same way for a link or a preset. */
function loadForms(config: ShareConfig): void {
  const store = useAppStore.getState();
  const { schedule, scheduleChanges } = config;
  store.setShare({
    replay: scheduleChanges.length > 0 ? { initial: schedule, changes: scheduleChanges } : null,
  });
  store.setModelPreset(config.session.modelPreset);
  store.updateDraft(specToDraft(config.schedule, DEFAULT_DRAFT));
  store.setRangeTest({
    config: config.rangeTest,
    ratio: config.rangeTestView.ratio,
    smoothing: config.rangeTestView.smoothing,
  });
  store.setTraining({ length: config.training });
}

/** Puts a link's configuration into the store before the engine starts. */
export function loadConfig(config: ShareConfig): void {
  loadForms(config);
  useAppStore.getState().setSession(sessionConfigOf(config.session));
}

/**
 * Loads a configuration into a running page: another dataset restarts the engine, anything
 * else resets it so the preset's model, optimizer and seed apply.
 */
export async function applyConfig(config: ShareConfig): Promise<void> {
  loadForms(config);
  await changeSession(sessionConfigOf(config.session));
}
