import { useAppStore } from '../store';

/** Classroom mode: hide the control column so the charts fill the page, and bring it back. */
export function ControlsToggle() {
  const hidden = useAppStore((state) => state.share.controlsHidden);
  const setShare = useAppStore((state) => state.setShare);
  return (
    <button
      type="button"
      className={hidden ? 'controls-toggle' : 'controls-toggle link'}
      aria-controls="controls-column"
      aria-expanded={!hidden}
      title={hidden ? undefined : 'The charts fill the page; the link opens this way too'}
      onClick={() => setShare({ controlsHidden: !hidden })}
    >
      {hidden ? 'Show controls' : 'Hide controls'}
    </button>
  );
}
