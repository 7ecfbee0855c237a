import { useEffect } from 'react';
import { pause, resume } from '../engineClient/engineActions';
import { useAppStore } from '../store';

const TEXT_FIELD = 'input, textarea, select, [contenteditable="true"], [contenteditable=""]';

/**
 * Space pauses and resumes wherever focus is, except in a text field. On a focused button the
 * browser would also click it (on key up), so a handled Space swallows both key events.
 */
export function useSpaceTogglesPause(): void {
  useEffect(() => {
    let swallowKeyUp = false;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== ' ') return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TEXT_FIELD)) return;
      const status = useAppStore.getState().training.status;
      if (status !== 'running' && status !== 'paused') return;
      event.preventDefault();
      event.stopPropagation();
      swallowKeyUp = true;
      if (event.repeat) return;
      if (status === 'running') void pause();
      else void resume();
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !swallowKeyUp) return;
      swallowKeyUp = false;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, []);
}
