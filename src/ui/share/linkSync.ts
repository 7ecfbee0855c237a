import { useLayoutEffect } from 'react';
import { useAppStore, type AppState } from '../store';
import { loadConfig } from './applyConfig';
import { configFromState, defaultShareConfig } from './shareConfig';
import { decodePageParams, decodeShareQuery, pageQuery } from './shareCodec';
import { backendFromUrl, threadsFromUrl } from './urlSettings';

/** The address that reopens this page as it is now. */
export function pageUrl(state: AppState): string {
  const query = pageQuery(
    configFromState(state),
    { backend: state.backendChoice, controlsHidden: state.share.controlsHidden },
    new URLSearchParams(location.search),
  );
  return `${location.origin}${location.pathname}?${query}${location.hash}`;
}

/**
 * Reads the opened link into the store, once, before the first render (so before the engine
 * starts); the parts it could not use are listed for the user.
 */
export function readLink(): void {
  const params = new URLSearchParams(location.search);
  const { config, rejections } = decodeShareQuery(params, defaultShareConfig());
  const page = decodePageParams(params);
  loadConfig(config);
  const store = useAppStore.getState();
  store.setBackendChoice(backendFromUrl(params));
  store.setWasmThreads(threadsFromUrl(params));
  store.setShare({
    controlsHidden: page.controlsHidden,
    linkRejections: [...rejections, ...page.rejections],
  });
}

function writeLink(state: AppState): void {
  const url = pageUrl(state);
  if (url !== location.href) history.replaceState(history.state, '', url);
}

/** Whether anything the address holds has changed (training ticks change none of it). */
function linkChanged(state: AppState, previous: AppState): boolean {
  return (
    state.session !== previous.session ||
    state.modelPreset !== previous.modelPreset ||
    state.backendChoice !== previous.backendChoice ||
    state.draft !== previous.draft ||
    state.share.replay !== previous.share.replay ||
    state.training.ranWith !== previous.training.ranWith ||
    state.training.status !== previous.training.status ||
    state.training.scheduleChanges !== previous.training.scheduleChanges ||
    state.rangeTest.config !== previous.rangeTest.config ||
    state.rangeTest.ratio !== previous.rangeTest.ratio ||
    state.rangeTest.smoothing !== previous.rangeTest.smoothing ||
    state.training.length !== previous.training.length ||
    state.share.controlsHidden !== previous.share.controlsHidden
  );
}

/** Keeps the address bar equal to the share link as settings change (`readLink` opened it). */
export function useLinkSync(): void {
  useLayoutEffect(() => {
    writeLink(useAppStore.getState());
    return useAppStore.subscribe((state, previous) => {
      if (linkChanged(state, previous)) writeLink(state);
    });
  }, []);
}
